import { enqueueEvent } from '../../../platform/events/outbox';
import type { TransactionClient } from '../../../platform/prisma';
import type { Course } from '../../../platform/prisma/generated/client';
import { LearningEventTypes, LearningTopics, type CourseChangedPayload } from '../topics';

/**
 * Announces, in the transaction of the change, that a course or its content changed: caches of
 * public catalog data (the gateway's) drop the course on it. Module and lesson edits are
 * CONTENT_CHANGED of their course. Keyed by course id, so one course's changes stay in order.
 */
export async function announceCourseChange(
  tx: TransactionClient,
  courseId: string,
  change: CourseChangedPayload['change'],
  correlationId: string | null,
): Promise<Course> {
  // Re-read inside the transaction: the payload carries the status the change left behind.
  const course = await tx.course.findUniqueOrThrow({ where: { id: courseId } });
  await enqueueEvent<CourseChangedPayload>(tx, 'learning', {
    topic: LearningTopics.courseChanged,
    key: course.id,
    type: LearningEventTypes.courseChanged,
    payload: { courseId: course.id, slug: course.slug, change, status: course.status },
    correlationId,
  });
  return course;
}
