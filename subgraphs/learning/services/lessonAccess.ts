import type { Course, Enrollment, Lesson } from '../../../platform/prisma/generated/client';
import type { LearningContext } from '../context';
import type { LessonLockReason } from '../generated/resolvers-types';
import { canAuthor } from './courseAccess';
import { enrollmentOpen } from './enrollments';

const DAY_MS = 86_400_000;

export interface LessonAccess {
  open: boolean;
  reason: LessonLockReason | null;
  unlocksAt: Date | null;
}

export interface LessonScope {
  lesson: Lesson;
  course: Course;
  enrollment: Enrollment | null;
}

/** Drip release: the lesson opens `releaseAfterDays` after the enrolment was (last) activated. */
export function releaseDate(lesson: Lesson, enrollment: Enrollment): Date {
  return new Date(enrollment.activatedAt.getTime() + lesson.releaseAfterDays * DAY_MS);
}

export function accessFor(ctx: LearningContext, scope: LessonScope, now: Date): LessonAccess {
  const { lesson, course, enrollment } = scope;
  if (canAuthor(ctx.viewer, course)) return { open: true, reason: null, unlocksAt: null };
  if (!enrollmentOpen(enrollment)) {
    return lesson.isFree && course.status === 'PUBLISHED'
      ? { open: true, reason: null, unlocksAt: null }
      : { open: false, reason: 'ENROLLMENT_REQUIRED', unlocksAt: null };
  }
  // Day-0 lessons open at once, whatever the skew between the database's clock and ours.
  if (lesson.isFree || lesson.releaseAfterDays === 0) return { open: true, reason: null, unlocksAt: null };
  const unlocksAt = releaseDate(lesson, enrollment);
  if (unlocksAt > now) return { open: false, reason: 'NOT_YET_RELEASED', unlocksAt };
  return { open: true, reason: null, unlocksAt: null };
}

/** The lesson with its course and the viewer's enrolment in it, through the request's loaders. */
export async function lessonScope(ctx: LearningContext, lesson: Lesson): Promise<LessonScope> {
  const module = await ctx.loaders.moduleById.load(lesson.moduleId);
  const course = module ? await ctx.loaders.courseById.load(module.courseId) : null;
  if (!course) throw new Error(`lesson ${lesson.id} has no course`);
  const enrollment = await ctx.loaders.viewerEnrollmentByCourseId.load(course.id);
  return { lesson, course, enrollment };
}

export async function lessonAccess(ctx: LearningContext, lesson: Lesson, now: Date): Promise<LessonAccess> {
  return accessFor(ctx, await lessonScope(ctx, lesson), now);
}
