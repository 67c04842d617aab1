import { isAdmin, requireViewer } from '../../../platform/auth/access';
import type { Viewer } from '../../../platform/auth/viewer';
import { ForbiddenError } from '../../../platform/errors';
import type { Course } from '../../../platform/prisma/generated/client';

// Who may author a course; the generic checks (signed in, roles, another user's rows) are
// platform/auth/access.

/** The course's own instructor or an admin: who may edit it and read its answers and figures. */
export function canAuthor(viewer: Viewer | null, course: Course): boolean {
  return viewer !== null && (isAdmin(viewer) || viewer.userId === course.instructorId);
}

/** Drafts and archived courses exist only for their instructor and admins (enrolments reach them otherwise). */
export function canSeeCourse(viewer: Viewer | null, course: Course): boolean {
  return course.status === 'PUBLISHED' || canAuthor(viewer, course);
}

export function assertCanAuthor(viewer: Viewer | null, course: Course): Viewer {
  const signedIn = requireViewer(viewer, 'edit courses');
  if (!canAuthor(signedIn, course))
    throw new ForbiddenError('Only the course instructor or an admin may do this');
  return signedIn;
}

export function assertInstructor(viewer: Viewer | null): Viewer {
  const signedIn = requireViewer(viewer, 'create courses');
  if (!signedIn.roles.includes('INSTRUCTOR') && !isAdmin(signedIn)) {
    throw new ForbiddenError('Only instructors create courses');
  }
  return signedIn;
}
