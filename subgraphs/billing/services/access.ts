import type { Viewer } from '../../../platform/auth/viewer';
import { ForbiddenError, UnauthenticatedError } from '../../../platform/errors';

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
}

export const isAdmin = (viewer: Viewer | null) => viewer?.roles.includes('ADMIN') ?? false;

export function assertSelfOrAdmin(viewer: Viewer | null, userId: string): void {
  const caller = requireViewer(viewer);
  if (caller.userId !== userId && !isAdmin(caller)) {
    throw new ForbiddenError("Only admins can see another user's billing");
  }
}

export function requireAdmin(viewer: Viewer | null, what: string): Viewer {
  const caller = requireViewer(viewer);
  if (!isAdmin(caller)) throw new ForbiddenError(`Only admins can ${what}`);
  return caller;
}

/** Someone else's billing row is reported as missing, not forbidden: its existence is private too. */
export const canSee = (viewer: Viewer | null, ownerId: string) =>
  viewer !== null && (viewer.userId === ownerId || isAdmin(viewer));
