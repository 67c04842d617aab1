import { ForbiddenError, NotFoundError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { Enrollment, Lesson } from '../../../platform/prisma/generated/client';
import type { LearningContext } from '../context';
import { requireViewer } from '../../../platform/auth/access';
import { enrollmentOpen } from './enrollments';
import { accessFor, lessonScope } from './lessonAccess';

/** Injected so tests can move time (heartbeats, drip release, time limits) without waiting. */
export type Clock = () => Date;

/** The lesson and the viewer's open enrolment in its course, with the lesson released to them. */
export async function openLessonFor(
  ctx: LearningContext,
  lessonId: string,
  now: Date,
): Promise<{ lesson: Lesson; enrollment: Enrollment }> {
  requireViewer(ctx.viewer, 'study lessons');
  const lesson = isUuid(lessonId) ? await ctx.loaders.lessonById.load(lessonId) : null;
  if (!lesson) throw new NotFoundError('Lesson', lessonId);
  const scope = await lessonScope(ctx, lesson);
  if (!enrollmentOpen(scope.enrollment)) {
    throw new ForbiddenError('Only enrolled learners can do this', { reason: 'ENROLLMENT_REQUIRED' });
  }
  const access = accessFor(ctx, scope, now);
  if (!access.open) {
    throw new ForbiddenError('This lesson is not released yet', {
      reason: access.reason,
      unlocksAt: access.unlocksAt?.toISOString() ?? null,
    });
  }
  return { lesson, enrollment: scope.enrollment };
}
