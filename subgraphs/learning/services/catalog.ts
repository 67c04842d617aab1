import { BadUserInputError } from '../../../platform/errors';
import type { Prisma } from '../../../platform/prisma';
import type { Course } from '../../../platform/prisma/generated/client';
import type { LearningContext } from '../context';
import type { CourseFilter, CourseOrder, PageInfo } from '../generated/resolvers-types';
import {
  catalogSql,
  catalogWhere,
  parseCatalogFilter,
  textMatches,
  type CatalogFilter,
} from './catalogFilter';
import { decodeCursor, encodeCursor, type CourseCursor } from './cursor';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Facets are computed only when the client asks for them, from the filter the page used. */
export interface FacetRequest {
  filter: CatalogFilter;
}

export interface CoursePage {
  edges: { cursor: string; node: Course }[];
  pageInfo: PageInfo;
  totalCount: number;
  facets: FacetRequest;
}

const orderBys: Record<CourseOrder, Prisma.CourseOrderByWithRelationInput[]> = {
  NEWEST: [{ createdAt: 'desc' }, { id: 'desc' }],
  PRICE_ASC: [{ priceMinor: 'asc' }, { id: 'asc' }],
  PRICE_DESC: [{ priceMinor: 'desc' }, { id: 'desc' }],
  TITLE: [{ title: 'asc' }, { id: 'asc' }],
};

/** Keyset condition: strictly after the cursor's (sort key, id) in the page's order. */
function afterWhere({ order, key, id }: CourseCursor): Prisma.CourseWhereInput {
  if (order === 'NEWEST') {
    const at = new Date(key);
    return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] };
  }
  if (order === 'TITLE') return { OR: [{ title: { gt: key } }, { title: key, id: { gt: id } }] };
  const price = BigInt(key);
  return order === 'PRICE_ASC'
    ? { OR: [{ priceMinor: { gt: price } }, { priceMinor: price, id: { gt: id } }] }
    : { OR: [{ priceMinor: { lt: price } }, { priceMinor: price, id: { lt: id } }] };
}

/** Keyset pagination: a page stays correct while courses are added in front of it. */
export async function listCourses(
  ctx: LearningContext,
  args: {
    first?: number | null;
    after?: string | null;
    filter?: CourseFilter | null;
    orderBy?: CourseOrder | null;
  },
): Promise<CoursePage> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  }
  const order = args.orderBy ?? 'NEWEST';
  const filter = await textMatches(ctx.prisma, parseCatalogFilter(args.filter));
  const where = catalogWhere(filter);
  const pageWhere = args.after ? { AND: [where, afterWhere(decodeCursor(args.after, order))] } : where;
  const [rows, totalCount] = await Promise.all([
    ctx.prisma.course.findMany({ where: pageWhere, orderBy: orderBys[order], take: first + 1 }),
    ctx.prisma.course.count({ where }),
  ]);
  const page = rows.slice(0, first);
  for (const course of page) ctx.loaders.courseById.prime(course.id, course);
  const edges = page.map((node) => ({ cursor: encodeCursor(order, node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
    facets: { filter },
  };
}

interface FacetRow {
  facet: 'category' | 'level' | 'tags';
  value: string;
  count: number;
}

export interface FacetCounts {
  categories: { value: string; count: number }[];
  levels: { value: string; count: number }[];
  tags: { value: string; count: number }[];
}

/** All three facets in one round trip; most frequent first, then alphabetical. */
export async function facetCounts(ctx: LearningContext, { filter }: FacetRequest): Promise<FacetCounts> {
  const rows = await ctx.prisma.$queryRaw<FacetRow[]>`
    SELECT 'category' AS facet, c.category AS value, count(*)::int AS count
      FROM learning.course c WHERE ${catalogSql(filter, 'category')} GROUP BY c.category
    UNION ALL
    SELECT 'level', c.level::text, count(*)::int
      FROM learning.course c WHERE ${catalogSql(filter, 'level')} GROUP BY c.level
    UNION ALL
    SELECT 'tags', t.tag, count(*)::int
      FROM learning.course c CROSS JOIN LATERAL unnest(c.tags) AS t(tag)
     WHERE ${catalogSql(filter, 'tags')} GROUP BY t.tag`;
  const pick = (facet: FacetRow['facet']) =>
    rows
      .filter((row) => row.facet === facet)
      .map(({ value, count }) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { categories: pick('category'), levels: pick('level'), tags: pick('tags') };
}
