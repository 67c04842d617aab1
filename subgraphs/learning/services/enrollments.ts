import type { Viewer } from '../../../platform/auth/viewer';
import {
  ConflictError,
  ForbiddenError,
  mapPrismaError,
  NotFoundError,
  PaymentRequiredError,
  UnauthenticatedError,
} from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/events/outbox';
import { isUuid } from '../../../platform/loaders';
import type { Course, Enrollment } from '../../../platform/prisma/generated/client';
import type { LearningContext } from '../context';
import { LearningTopics, type EnrollmentCreatedPayload } from '../topics';

export function canActFor(viewer: Viewer | null, userId: string): boolean {
  return viewer !== null && (viewer.userId === userId || viewer.roles.includes('ADMIN'));
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'P2002';
}

export function createEnrollmentService() {
  return {
    async enrollmentsOf(ctx: LearningContext, userId: string): Promise<Enrollment[]> {
      if (!canActFor(ctx.viewer, userId))
        throw new ForbiddenError("Only admins can see other users' enrolments");
      if (!isUuid(userId)) return [];
      return ctx.loaders.enrollmentsByUserId.load(userId);
    },

    /** The enrolment proves access, so the course shows even if it has been unpublished since. */
    async courseOf(ctx: LearningContext, enrollment: Enrollment): Promise<Course> {
      const course = await ctx.loaders.courseById.load(enrollment.courseId);
      if (!course) throw new NotFoundError('Course', enrollment.courseId);
      return course;
    },

    async enroll(ctx: LearningContext, courseId: string): Promise<Enrollment> {
      const viewer = ctx.viewer;
      if (!viewer) throw new UnauthenticatedError('Sign in to enrol');
      const course = isUuid(courseId) ? await ctx.loaders.courseById.load(courseId) : null;
      if (!course?.published) throw new NotFoundError('Course', courseId);
      if (course.priceMinor > 0n) {
        throw new PaymentRequiredError('Paid courses are purchased through billing', { courseId });
      }
      try {
        return await ctx.prisma.$transaction(async (tx) => {
          const enrollment = await tx.enrollment.create({ data: { userId: viewer.userId, courseId } });
          await enqueueEvent<EnrollmentCreatedPayload>(tx, 'learning', {
            topic: LearningTopics.enrollmentCreated,
            key: courseId,
            type: 'EnrollmentCreated',
            payload: { enrollmentId: enrollment.id, userId: viewer.userId, courseId },
            correlationId: ctx.correlationId,
          });
          return enrollment;
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new ConflictError('Already enrolled in this course', { courseId });
        return mapPrismaError(error, 'Enrollment');
      }
    },
  };
}

export type EnrollmentService = ReturnType<typeof createEnrollmentService>;
