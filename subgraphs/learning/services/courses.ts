import { BadUserInputError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { Course } from '../../../platform/prisma/generated/client';
import type { LearningContext } from '../context';
import { isAdmin, requireViewer } from '../../../platform/auth/access';
import { canSeeCourse } from './courseAccess';
import { enrollmentOpen } from './enrollments';
import { facetCounts, listCourses, type FacetCounts, type FacetRequest } from './catalog';

async function courseById(ctx: LearningContext, id: string): Promise<Course | null> {
  return isUuid(id) ? ctx.loaders.courseById.load(id) : null;
}

async function courseBySlug(ctx: LearningContext, slug: string): Promise<Course | null> {
  const course = await ctx.prisma.course.findUnique({ where: { slug } });
  if (course) ctx.loaders.courseById.prime(course.id, course);
  return course;
}

const facetCache = new WeakMap<FacetRequest, Promise<FacetCounts>>();

export function createCourseService() {
  return {
    listCourses,

    /** The three facet fields share one query per connection. */
    facets(ctx: LearningContext, request: FacetRequest): Promise<FacetCounts> {
      let counts = facetCache.get(request);
      if (!counts) {
        counts = facetCounts(ctx, request);
        facetCache.set(request, counts);
      }
      return counts;
    },

    /** `course(id:|slug:)`, `courseBySlug` and the gateway's `_entities` lookups: one visibility rule. */
    async findCourse(
      ctx: LearningContext,
      key: { id?: string | null; slug?: string | null },
    ): Promise<Course | null> {
      const { id, slug } = key;
      if ((id == null) === (slug == null)) throw new BadUserInputError('Pass exactly one of id and slug');
      const course = id != null ? await courseById(ctx, id) : await courseBySlug(ctx, slug ?? '');
      if (!course) return null;
      if (canSeeCourse(ctx.viewer, course)) return course;
      // Archived courses stay open to the learners enrolled in them.
      if (course.status !== 'ARCHIVED') return null;
      return enrollmentOpen(await ctx.loaders.viewerEnrollmentByCourseId.load(course.id)) ? course : null;
    },

    async taughtCourses(ctx: LearningContext): Promise<Course[]> {
      const viewer = requireViewer(ctx.viewer, 'see your courses');
      return ctx.prisma.course.findMany({
        where: isAdmin(viewer) ? {} : { instructorId: viewer.userId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 500,
      });
    },
  };
}

export type CourseService = ReturnType<typeof createCourseService>;
