import type { Viewer } from '../../../platform/auth/viewer';
import { BadUserInputError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { Prisma } from '../../../platform/prisma';
import type { Course } from '../../../platform/prisma/generated/client';
import type { LearningContext } from '../context';
import type { CourseFilter, PageInfo } from '../generated/resolvers-types';
import { decodeCursor, encodeCursor } from './cursor';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const MAX_SEARCH_LENGTH = 100;

export interface CoursePage {
  edges: { cursor: string; node: Course }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Unpublished courses exist only for their instructor and admins. */
export function canSeeCourse(viewer: Viewer | null, course: Course): boolean {
  if (course.published) return true;
  return viewer !== null && (viewer.roles.includes('ADMIN') || viewer.userId === course.instructorId);
}

function filterWhere(filter: CourseFilter | null | undefined): Prisma.CourseWhereInput {
  const where: Prisma.CourseWhereInput = { published: true };
  if (!filter) return where;
  if (filter.level) where.level = filter.level;
  const search = filter.search?.trim();
  if (search) {
    if (search.length > MAX_SEARCH_LENGTH) {
      throw new BadUserInputError(
        `filter.search must be at most ${MAX_SEARCH_LENGTH} characters`,
        'filter.search',
      );
    }
    where.title = { contains: search, mode: 'insensitive' };
  }
  if (filter.free === true) where.priceMinor = 0n;
  if (filter.free === false) where.priceMinor = { gt: 0n };
  return where;
}

async function courseById(ctx: LearningContext, id: string): Promise<Course | null> {
  return isUuid(id) ? ctx.loaders.courseById.load(id) : null;
}

async function courseBySlug(ctx: LearningContext, slug: string): Promise<Course | null> {
  const course = await ctx.prisma.course.findUnique({ where: { slug } });
  if (course) ctx.loaders.courseById.prime(course.id, course);
  return course;
}

export function createCourseService() {
  return {
    /** Keyset pagination: a page stays correct while courses are added in front of it. */
    async listCourses(
      ctx: LearningContext,
      args: { first?: number | null; after?: string | null; filter?: CourseFilter | null },
    ): Promise<CoursePage> {
      const first = args.first ?? DEFAULT_PAGE_SIZE;
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
        throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
      }
      const where = filterWhere(args.filter);
      const after = args.after ? decodeCursor(args.after) : null;
      const pageWhere: Prisma.CourseWhereInput = after
        ? {
            AND: [
              where,
              {
                OR: [
                  { createdAt: { lt: after.createdAt } },
                  { createdAt: after.createdAt, id: { lt: after.id } },
                ],
              },
            ],
          }
        : where;
      const [rows, totalCount] = await Promise.all([
        ctx.prisma.course.findMany({
          where: pageWhere,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: first + 1,
        }),
        ctx.prisma.course.count({ where }),
      ]);
      const page = rows.slice(0, first);
      for (const course of page) ctx.loaders.courseById.prime(course.id, course);
      const edges = page.map((node) => ({ cursor: encodeCursor(node), node }));
      return {
        edges,
        pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount,
      };
    },

    /** `course(id:|slug:)` and the gateway's `_entities` lookups: one visibility rule for both. */
    async findCourse(
      ctx: LearningContext,
      key: { id?: string | null; slug?: string | null },
    ): Promise<Course | null> {
      const { id, slug } = key;
      if ((id == null) === (slug == null)) throw new BadUserInputError('Pass exactly one of id and slug');
      const course = id != null ? await courseById(ctx, id) : await courseBySlug(ctx, slug ?? '');
      return course && canSeeCourse(ctx.viewer, course) ? course : null;
    },
  };
}

export type CourseService = ReturnType<typeof createCourseService>;
