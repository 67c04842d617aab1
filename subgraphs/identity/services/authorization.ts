import type { Role, Viewer } from '../../../platform/auth/viewer';
import { ForbiddenError, UnauthenticatedError } from '../../../platform/errors';

export function canSeePrivateFields(viewer: Viewer | null, userId: string): boolean {
  return viewer !== null && (viewer.userId === userId || viewer.roles.includes('ADMIN'));
}

/** SUPPORT and ADMIN handle KYC and look at profiles and audit trails; they cannot change roles. */
export function isStaff(viewer: Viewer | null): boolean {
  return viewer !== null && (viewer.roles.includes('ADMIN') || viewer.roles.includes('SUPPORT'));
}

export function canSeePersonalData(viewer: Viewer | null, userId: string): boolean {
  return viewer !== null && (viewer.userId === userId || isStaff(viewer));
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
}

export function requireRole(viewer: Viewer | null, ...roles: Role[]): Viewer {
  const signedIn = requireViewer(viewer);
  if (!roles.some((role) => signedIn.roles.includes(role))) {
    throw new ForbiddenError(`Requires one of: ${roles.join(', ')}`);
  }
  return signedIn;
}
