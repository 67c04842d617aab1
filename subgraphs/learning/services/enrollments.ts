import { ConflictError, mapPrismaError, NotFoundError, PaymentRequiredError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/events/outbox';
import { isUuid } from '../../../platform/loaders';
import type { TransactionClient } from '../../../platform/prisma';
import type { Course, Enrollment } from '../../../platform/prisma/generated/client';
import type { LearningContext } from '../context';
import { LearningEventTypes, LearningTopics, type EnrollmentCreatedPayload } from '../topics';
import { requireOwner, requireViewer } from '../../../platform/auth/access';

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'P2002';
}

/** The EnrollmentCreated event, written in the transaction that created or reactivated the enrolment. */
export function announceEnrollment(
  tx: TransactionClient,
  enrollment: Enrollment,
  correlationId: string | null,
) {
  return enqueueEvent<EnrollmentCreatedPayload>(tx, 'learning', {
    topic: LearningTopics.enrollmentCreated,
    key: enrollment.courseId,
    type: LearningEventTypes.enrollmentCreated,
    payload: {
      enrollmentId: enrollment.id,
      userId: enrollment.userId,
      courseId: enrollment.courseId,
      source: enrollment.source,
      paymentId: enrollment.paymentId,
    },
    correlationId,
  });
}

export const enrollmentOpen = (enrollment: Enrollment | null): enrollment is Enrollment =>
  enrollment !== null && enrollment.status !== 'CANCELLED';

export function createEnrollmentService() {
  return {
    async enrollmentsOf(ctx: LearningContext, userId: string): Promise<Enrollment[]> {
      requireOwner(ctx.viewer, userId, 'Enrollment');
      if (!isUuid(userId)) return [];
      return ctx.loaders.enrollmentsByUserId.load(userId);
    },

    /** The enrolment proves access, so the course shows even if it has been archived since. */
    async courseOf(ctx: LearningContext, enrollment: { courseId: string }): Promise<Course> {
      const course = await ctx.loaders.courseById.load(enrollment.courseId);
      if (!course) throw new NotFoundError('Course', enrollment.courseId);
      return course;
    },

    async progressOf(ctx: LearningContext, enrollment: Enrollment) {
      const counts = await ctx.loaders.countsByEnrollmentId.load(enrollment.id);
      return {
        ...counts,
        // A course without required lessons has nothing left to do.
        ratio: counts.required === 0 ? 1 : counts.completed / counts.required,
      };
    },

    async enroll(ctx: LearningContext, courseId: string): Promise<Enrollment> {
      const viewer = requireViewer(ctx.viewer, 'enrol');
      const course = isUuid(courseId) ? await ctx.loaders.courseById.load(courseId) : null;
      if (course?.status !== 'PUBLISHED') throw new NotFoundError('Course', courseId);
      if (course.priceMinor > 0n) {
        throw new PaymentRequiredError('Paid courses are purchased through billing', { courseId });
      }
      try {
        return await ctx.prisma.$transaction(async (tx) => {
          const existing = await tx.enrollment.findUnique({
            where: { userId_courseId: { userId: viewer.userId, courseId } },
          });
          if (existing && existing.status !== 'CANCELLED') {
            throw new ConflictError('Already enrolled in this course', { courseId });
          }
          // A cancelled enrolment (e.g. refunded before the course became free) comes back to life.
          const enrollment = existing
            ? await tx.enrollment.update({
                where: { id: existing.id },
                data: {
                  status: 'ACTIVE',
                  source: 'FREE',
                  paymentId: null,
                  activatedAt: new Date(),
                  cancelledAt: null,
                },
              })
            : await tx.enrollment.create({ data: { userId: viewer.userId, courseId, source: 'FREE' } });
          await announceEnrollment(tx, enrollment, ctx.correlationId);
          return enrollment;
        });
      } catch (error) {
        if (error instanceof ConflictError) throw error;
        if (isUniqueViolation(error))
          throw new ConflictError('Already enrolled in this course', { courseId });
        return mapPrismaError(error, 'Enrollment');
      }
    },
  };
}

export type EnrollmentService = ReturnType<typeof createEnrollmentService>;
