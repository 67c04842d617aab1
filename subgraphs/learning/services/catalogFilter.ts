import { BadUserInputError } from '../../../platform/errors';
import { parseDecimalToMinorUnits } from '../../../platform/money';
import { Prisma, type PrismaClient } from '../../../platform/prisma';
import type { CourseFilter } from '../generated/resolvers-types';

const MAX_TEXT_LENGTH = 100;
const MAX_TAGS = 10;

/** A catalog filter checked once and expressed both for Prisma (the page) and for SQL (the facets). */
export interface CatalogFilter {
  text: string | null;
  category: string | null;
  level: string | null;
  priceMaxMinor: bigint | null;
  tags: string[];
  free: boolean | null;
  /** Ids of the published courses the text matches (textMatches), set before catalogWhere runs. */
  textMatchIds?: string[];
}

export type FacetName = 'category' | 'level' | 'tags';

export function parseCatalogFilter(filter: CourseFilter | null | undefined): CatalogFilter {
  const text = (filter?.text ?? filter?.search)?.trim() || null;
  if (text && text.length > MAX_TEXT_LENGTH) {
    throw new BadUserInputError(`filter.text must be at most ${MAX_TEXT_LENGTH} characters`, 'filter.text');
  }
  let priceMaxMinor: bigint | null = null;
  if (filter?.priceMax != null) {
    try {
      priceMaxMinor = parseDecimalToMinorUnits(filter.priceMax, 'INR');
    } catch {
      throw new BadUserInputError(
        'filter.priceMax must be a decimal amount such as "25000.00"',
        'filter.priceMax',
      );
    }
    if (priceMaxMinor < 0n)
      throw new BadUserInputError('filter.priceMax cannot be negative', 'filter.priceMax');
  }
  const tags = [...new Set((filter?.tags ?? []).map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
  if (tags.length > MAX_TAGS) throw new BadUserInputError(`At most ${MAX_TAGS} tags`, 'filter.tags');
  return {
    text,
    category: filter?.category?.trim() || null,
    level: filter?.level ?? null,
    priceMaxMinor,
    tags,
    free: filter?.free ?? null,
  };
}

export function catalogWhere(filter: CatalogFilter): Prisma.CourseWhereInput {
  const and: Prisma.CourseWhereInput[] = [{ status: 'PUBLISHED' }];
  if (filter.text) {
    if (!filter.textMatchIds) throw new Error('catalogWhere needs textMatches to have run for a text filter');
    and.push({ id: { in: filter.textMatchIds } });
  }
  if (filter.category) and.push({ category: filter.category });
  if (filter.level) and.push({ level: filter.level as Prisma.CourseWhereInput['level'] });
  if (filter.priceMaxMinor !== null) and.push({ priceMinor: { lte: filter.priceMaxMinor } });
  if (filter.tags.length > 0) and.push({ tags: { hasEvery: filter.tags } });
  if (filter.free === true) and.push({ priceMinor: 0n });
  if (filter.free === false) and.push({ priceMinor: { gt: 0n } });
  return { AND: and };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Typo-tolerant: `<%` is pg_trgm's word similarity, true when some run of words in the title shares
 * enough trigrams with the query ("bolinger" finds "Bollinger Bands"); ILIKE keeps exact substrings of
 * the title, summary and description. Every arm is served by a GIN trigram index (schema.prisma).
 */
function textCondition(text: string): Prisma.Sql {
  const like = `%${escapeLike(text)}%`;
  return Prisma.sql`(${text} <% c.title OR c.title ILIKE ${like} OR c.summary ILIKE ${like}
    OR c.description ILIKE ${like})`;
}

/** The published courses a text filter matches; the page query then filters by these ids. */
export async function textMatches(prisma: PrismaClient, filter: CatalogFilter): Promise<CatalogFilter> {
  if (!filter.text) return filter;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT c.id::text AS id FROM learning.course c WHERE c.status = 'PUBLISHED' AND ${textCondition(filter.text)}`;
  return { ...filter, textMatchIds: rows.map((row) => row.id) };
}

/** The same filter as SQL, leaving out one facet's own condition (disjunctive facets). */
export function catalogSql(filter: CatalogFilter, omit: FacetName): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`c.status = 'PUBLISHED'`];
  if (filter.text) parts.push(textCondition(filter.text));
  if (filter.category && omit !== 'category') parts.push(Prisma.sql`c.category = ${filter.category}`);
  if (filter.level && omit !== 'level') parts.push(Prisma.sql`c.level::text = ${filter.level}`);
  if (filter.priceMaxMinor !== null) parts.push(Prisma.sql`c.price_minor <= ${filter.priceMaxMinor}`);
  if (filter.tags.length > 0 && omit !== 'tags') parts.push(Prisma.sql`c.tags @> ${filter.tags}::text[]`);
  if (filter.free === true) parts.push(Prisma.sql`c.price_minor = 0`);
  if (filter.free === false) parts.push(Prisma.sql`c.price_minor > 0`);
  return Prisma.join(parts, ' AND ');
}
