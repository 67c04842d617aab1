import { enqueueEvent } from '../../../platform/events/outbox';
import type { TransactionClient } from '../../../platform/prisma';
import type { Enrollment, LessonProgress } from '../../../platform/prisma/generated/client';
import {
  LearningEventTypes,
  LearningTopics,
  type CourseCompletedPayload,
  type LessonCompletedPayload,
} from '../topics';
import { issueCertificate } from './certificates';

/**
 * Completes a lesson once (LessonCompleted event), then the course when every required lesson is done:
 * quiz lessons only complete when their assessment is passed, so that covers assessments too.
 */
export async function completeLessonOnce(
  tx: TransactionClient,
  enrollment: Enrollment,
  progress: LessonProgress,
  now: Date,
  correlationId: string | null,
): Promise<LessonProgress> {
  if (progress.completedAt) return progress;
  const completed = await tx.lessonProgress.update({
    where: { id: progress.id },
    data: { completedAt: now },
  });
  await enqueueEvent<LessonCompletedPayload>(tx, 'learning', {
    topic: LearningTopics.lessonCompleted,
    key: enrollment.courseId,
    type: LearningEventTypes.lessonCompleted,
    payload: {
      enrollmentId: enrollment.id,
      userId: enrollment.userId,
      courseId: enrollment.courseId,
      lessonId: progress.lessonId,
      completedAt: now.toISOString(),
    },
    correlationId,
  });
  await completeCourseIfDone(tx, enrollment, now, correlationId);
  return completed;
}

async function completeCourseIfDone(
  tx: TransactionClient,
  enrollment: Enrollment,
  now: Date,
  correlationId: string | null,
): Promise<void> {
  const [remaining] = await tx.$queryRaw<{ left: number }[]>`
    SELECT count(*)::int AS left
      FROM learning.lesson l
      JOIN learning.module m ON m.id = l.module_id
      LEFT JOIN learning.lesson_progress lp ON lp.lesson_id = l.id AND lp.enrollment_id = ${enrollment.id}::uuid
     WHERE m.course_id = ${enrollment.courseId}::uuid AND l.required AND lp.completed_at IS NULL`;
  if ((remaining?.left ?? 1) > 0) return;
  // Conditional update: two lessons completing at once must not complete the course twice.
  const changed = await tx.enrollment.updateMany({
    where: { id: enrollment.id, status: 'ACTIVE' },
    data: { status: 'COMPLETED', completedAt: now },
  });
  if (changed.count === 0) return;
  await enqueueEvent<CourseCompletedPayload>(tx, 'learning', {
    topic: LearningTopics.courseCompleted,
    key: enrollment.courseId,
    type: LearningEventTypes.courseCompleted,
    payload: {
      enrollmentId: enrollment.id,
      userId: enrollment.userId,
      courseId: enrollment.courseId,
      completedAt: now.toISOString(),
    },
    correlationId,
  });
  await issueCertificate(tx, enrollment, now, correlationId);
}

/** The progress row of (enrolment, lesson), created if missing and locked for this transaction. */
export async function lockedProgress(
  tx: TransactionClient,
  enrollment: Enrollment,
  lessonId: string,
  now: Date,
): Promise<{ progress: LessonProgress; created: boolean }> {
  const inserted = await tx.lessonProgress.createMany({
    data: [{ enrollmentId: enrollment.id, lessonId, userId: enrollment.userId, startedAt: now }],
    skipDuplicates: true,
  });
  await tx.$queryRaw`
    SELECT id FROM learning.lesson_progress
     WHERE enrollment_id = ${enrollment.id}::uuid AND lesson_id = ${lessonId}::uuid FOR UPDATE`;
  const progress = await tx.lessonProgress.findUniqueOrThrow({
    where: { enrollmentId_lessonId: { enrollmentId: enrollment.id, lessonId } },
  });
  return { progress, created: inserted.count === 1 };
}
