import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  mapPrismaError,
  NotFoundError,
} from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { Course } from '../../../platform/prisma/generated/client';
import type { LearningContext } from '../context';
import type { CreateCourseInput, UpdateCourseInput } from '../generated/resolvers-types';
import { isAdmin, requireViewer } from '../../../platform/auth/access';
import { assertCanAuthor, assertInstructor } from './courseAccess';
import { courseChanges, newCourseFields } from './authoringInput';
import { publishProblems } from './completeness';
import { announceCourseChange } from './courseChanges';
import type { Clock } from './openLesson';

/** The course, if the viewer may edit it; NOT_FOUND hides other instructors' drafts. */
export async function editableCourse(ctx: LearningContext, courseId: string): Promise<Course> {
  const course = isUuid(courseId) ? await ctx.loaders.courseById.load(courseId) : null;
  if (!course) throw new NotFoundError('Course', courseId);
  if (course.status !== 'PUBLISHED') {
    const viewer = requireViewer(ctx.viewer, 'edit courses');
    if (!isAdmin(viewer) && viewer.userId !== course.instructorId)
      throw new NotFoundError('Course', courseId);
  }
  assertCanAuthor(ctx.viewer, course);
  return course;
}

export function createCourseAuthoring(now: Clock) {
  return {
    async createCourse(ctx: LearningContext, input: CreateCourseInput): Promise<Course> {
      const viewer = assertInstructor(ctx.viewer);
      const fields = newCourseFields(input);
      try {
        return await ctx.prisma.$transaction(async (tx) => {
          const course = await tx.course.create({
            data: { ...fields, instructorId: viewer.userId, status: 'DRAFT', currency: 'INR' },
          });
          return announceCourseChange(tx, course.id, 'CREATED', ctx.correlationId);
        });
      } catch (error) {
        if ((error as { code?: unknown }).code === 'P2002') {
          throw new ConflictError('A course with this slug exists', { field: 'input.slug' });
        }
        return mapPrismaError(error, 'Course');
      }
    },

    async updateCourse(ctx: LearningContext, id: string, input: UpdateCourseInput): Promise<Course> {
      await editableCourse(ctx, id);
      const changes = courseChanges(input);
      return ctx.prisma.$transaction(async (tx) => {
        await tx.course.update({ where: { id }, data: changes });
        return announceCourseChange(tx, id, 'UPDATED', ctx.correlationId);
      });
    },

    /** Only complete courses reach the catalog. */
    async publishCourse(ctx: LearningContext, id: string): Promise<Course> {
      const course = await editableCourse(ctx, id);
      if (course.status === 'PUBLISHED') return course;
      if (course.status === 'ARCHIVED' && !isAdmin(ctx.viewer)) {
        throw new ForbiddenError('Only admins bring archived courses back');
      }
      const modules = await ctx.prisma.module.findMany({
        where: { courseId: id },
        orderBy: { position: 'asc' },
        include: {
          lessons: {
            orderBy: { position: 'asc' },
            include: { video: true, assessment: { include: { questions: { select: { id: true } } } } },
          },
        },
      });
      const problems = publishProblems({ course, modules });
      if (problems.length > 0)
        throw new BadUserInputError('The course is not ready to publish', 'id', { problems });
      return ctx.prisma.$transaction(async (tx) => {
        const changed = await tx.course.updateMany({
          where: { id, status: course.status },
          data: { status: 'PUBLISHED', publishedAt: course.publishedAt ?? now() },
        });
        if (changed.count === 0) throw new ConflictError('The course changed meanwhile; try again', { id });
        return announceCourseChange(tx, id, 'PUBLISHED', ctx.correlationId);
      });
    },

    async archiveCourse(ctx: LearningContext, id: string): Promise<Course> {
      const viewer = requireViewer(ctx.viewer, 'archive courses');
      if (!isAdmin(viewer)) throw new ForbiddenError('Only admins archive courses');
      const course = isUuid(id) ? await ctx.loaders.courseById.load(id) : null;
      if (!course) throw new NotFoundError('Course', id);
      return ctx.prisma.$transaction(async (tx) => {
        await tx.course.update({ where: { id }, data: { status: 'ARCHIVED' } });
        return announceCourseChange(tx, id, 'ARCHIVED', ctx.correlationId);
      });
    },
  };
}

export type CourseAuthoring = ReturnType<typeof createCourseAuthoring>;
