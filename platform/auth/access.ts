import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';
import type { Role, Viewer } from './viewer';

/**
 * The access checks every subgraph's services use, so each answers the same way:
 * - nobody signed in: UNAUTHENTICATED;
 * - signed in without the role an action needs: FORBIDDEN;
 * - another user's row (by id, or a user id argument) that the viewer may not see: NOT_FOUND, the
 *   same answer as for an id that does not exist, so ids cannot be probed for what they hold.
 */

/** Who may see other users' rows: admins for money, trading and learning records... */
export const ADMINS: readonly Role[] = ['ADMIN'];
/** ...and SUPPORT too where support work needs it (profiles, KYC). */
export const STAFF: readonly Role[] = ['SUPPORT', 'ADMIN'];

export function requireViewer(viewer: Viewer | null | undefined, action?: string): Viewer {
  if (!viewer) throw new UnauthenticatedError(action ? `Sign in to ${action}` : undefined);
  return viewer;
}

export function hasRole(viewer: Viewer | null | undefined, ...roles: readonly Role[]): boolean {
  return viewer != null && roles.some((role) => viewer.roles.includes(role));
}

export const isAdmin = (viewer: Viewer | null | undefined): boolean => hasRole(viewer, 'ADMIN');

export const isStaff = (viewer: Viewer | null | undefined): boolean => hasRole(viewer, ...STAFF);

/** UNAUTHENTICATED when anonymous, FORBIDDEN without one of `roles`. */
export function requireRole(viewer: Viewer | null | undefined, ...roles: readonly Role[]): Viewer {
  const signedIn = requireViewer(viewer);
  if (!hasRole(signedIn, ...roles)) throw new ForbiddenError(`Requires one of: ${roles.join(', ')}`);
  return signedIn;
}

/** The owner, or someone holding one of `staff` (ADMIN unless told). */
export function isOwnerOrStaff(
  viewer: Viewer | null | undefined,
  ownerId: string,
  staff: readonly Role[] = ADMINS,
): boolean {
  return viewer != null && (viewer.userId === ownerId || hasRole(viewer, ...staff));
}

/** The row if the viewer may see it, else null: for lists and fields, where a row simply is not there. */
export function visibleRow<T extends { userId: string }>(
  viewer: Viewer | null | undefined,
  row: T | null | undefined,
  staff: readonly Role[] = ADMINS,
): T | null {
  return row && isOwnerOrStaff(viewer, row.userId, staff) ? row : null;
}

/**
 * THE rule for a row asked for by id: missing and someone else's both answer NOT_FOUND.
 * Anonymous callers get UNAUTHENTICATED first (they would see nothing either way).
 */
export function requireOwnedRow<T extends { userId: string }>(
  viewer: Viewer | null | undefined,
  row: T | null | undefined,
  entity: string,
  id: string,
  staff: readonly Role[] = ADMINS,
): T {
  requireOwner(viewer, row?.userId ?? null, entity, id, staff);
  // requireOwner has thrown NOT_FOUND for a missing row (its owner is null).
  return row!;
}

/**
 * The same rule for data reached through its owner (a `userId` argument, a position's portfolio):
 * an owner the viewer may not act for is reported as a missing `entity`.
 */
export function requireOwner(
  viewer: Viewer | null | undefined,
  ownerId: string | null,
  entity: string,
  id?: string,
  staff: readonly Role[] = ADMINS,
): Viewer {
  const signedIn = requireViewer(viewer);
  if (ownerId === null || !isOwnerOrStaff(signedIn, ownerId, staff)) throw new NotFoundError(entity, id);
  return signedIn;
}
