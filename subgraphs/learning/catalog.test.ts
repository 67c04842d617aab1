import { randomUUID } from 'node:crypto';
import type { Course } from '../../platform/prisma/generated/client';
import { createCountingPrisma } from './sqlCounter';
import { codeOf, startLearning, viewer, type Data, type LearningHarness } from './testHarness';

const categories = ['technical-analysis', 'derivatives', 'crypto'] as const;
const levels = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED'] as const;
const tagSets = [['nse', 'options'], ['crypto'], ['nse', 'rsi'], ['options']];
let counting: ReturnType<typeof createCountingPrisma>;
let learning: LearningHarness;
let courses: Course[];

interface Page {
  courses: {
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}
const PAGE = `query($first: Int, $after: String, $filter: CourseFilter, $orderBy: CourseOrder) {
  courses(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }`;

async function walk(variables: Data, first = 7): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const result = await learning.run<Page>(PAGE, { ...variables, first, after });
    expect(result.errors).toBeUndefined();
    const page: Page['courses'] = result.data!.courses;
    ids.push(...page.edges.map((edge) => edge.node.id));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return ids;
}

const published = () => courses.filter((c) => c.status === 'PUBLISHED');
const byPriceThenId = (a: Course, b: Course) =>
  a.priceMinor === b.priceMinor ? (a.id < b.id ? -1 : 1) : a.priceMinor < b.priceMinor ? -1 : 1;

beforeAll(async () => {
  learning = await startLearning({
    prismaFor: (url) => {
      counting = createCountingPrisma(url);
      return counting.prisma;
    },
  });
  const instructorId = randomUUID();
  const rows = Array.from({ length: 62 }, (_, i) => ({
    id: randomUUID(),
    slug: `course-${i}`,
    title: `Course ${String(i).padStart(2, '0')}`,
    summary: 'A course',
    description: i % 10 === 0 ? 'Covers the iron condor in depth' : 'Plain',
    category: categories[i % 3]!,
    tags: tagSets[i % 4]!,
    level: levels[i % 3]!,
    instructorId,
    priceMinor: i % 6 === 0 ? 0n : BigInt(2_400_000 + (i % 7) * 1_000_000),
    status: i === 60 ? ('DRAFT' as const) : i === 61 ? ('ARCHIVED' as const) : ('PUBLISHED' as const),
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
  }));
  await learning.prisma.course.createMany({ data: rows });
  courses = await learning.prisma.course.findMany();
  const modules = rows.flatMap((c) =>
    [1, 2].map((position) => ({ id: randomUUID(), courseId: c.id, title: `M${position}`, position })),
  );
  await learning.prisma.module.createMany({ data: modules });
  await learning.prisma.lesson.createMany({
    data: modules.flatMap((m) =>
      [1, 2, 3].map((position) => ({ moduleId: m.id, title: `L${position}`, position, durationSeconds: 60 })),
    ),
  });
});

afterAll(async () => {
  await learning?.stop();
});

describe('a catalog page runs a bounded number of SQL statements (no N+1)', () => {
  const CATALOG = `query($first: Int) { courses(first: $first) { totalCount edges { node {
      title price { amount } instructor { id } lessonCount viewerEnrollment { id }
      modules { title lessons { title isFree access { open reason } viewerProgress { watchedSeconds } } } } }
    facets { categories { value count } tags { value count } levels { value count } } } }`;

  async function statementsFor(first: number, as: ReturnType<typeof viewer> | null) {
    counting.reset();
    const result = await learning.run<{
      courses: { edges: { node: { modules: { lessons: unknown[] }[] } }[] };
    }>(CATALOG, { first }, as);
    expect(result.errors).toBeUndefined();
    expect(result.data!.courses.edges).toHaveLength(first);
    expect(result.data!.courses.edges.flatMap((e) => e.node.modules.flatMap((m) => m.lessons))).toHaveLength(
      first * 6,
    );
    return [...counting.statements];
  }

  it('50 courses with modules, lessons and instructors cost as many statements as 5', async () => {
    const anonymous50 = await statementsFor(50, null);
    const anonymous5 = await statementsFor(5, null);
    const signedIn50 = await statementsFor(50, viewer('LEARNER'));
    // page, count, modules, lessons, lesson counts, facets; a viewer adds enrolments and progress.
    expect(anonymous50).toHaveLength(6);
    expect(anonymous5).toHaveLength(anonymous50.length);
    expect(signedIn50).toHaveLength(8);
  });
});

describe('Query.courses', () => {
  it('pages by price (ascending and descending) and by title without gaps or duplicates', async () => {
    const ascending = published()
      .sort(byPriceThenId)
      .map((c) => c.id);
    expect(await walk({ orderBy: 'PRICE_ASC' })).toEqual(ascending);
    const descending = await walk({ orderBy: 'PRICE_DESC' }, 9);
    expect(new Set(descending).size).toBe(60);
    expect(descending.map((id) => courses.find((c) => c.id === id)!.priceMinor)).toEqual(
      [...ascending].reverse().map((id) => courses.find((c) => c.id === id)!.priceMinor),
    );
    const titles = (await walk({ orderBy: 'TITLE' }, 11)).map(
      (id) => courses.find((c) => c.id === id)!.title,
    );
    expect(titles).toEqual(
      published()
        .map((c) => c.title)
        .sort(),
    );
  });

  it.each([
    [{ text: 'IRON condor' }, (c: Course) => c.description.includes('iron condor')],
    [{ category: 'crypto' }, (c: Course) => c.category === 'crypto'],
    [{ priceMax: '44000.00' }, (c: Course) => c.priceMinor <= 4_400_000n],
    [{ tags: ['options', 'NSE'] }, (c: Course) => c.tags.includes('options') && c.tags.includes('nse')],
    [{ level: 'ADVANCED', free: false }, (c: Course) => c.level === 'ADVANCED' && c.priceMinor > 0n],
  ])('filters by %j across pages', async (filter, keep) => {
    const expected = published()
      .filter(keep)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((c) => c.id);
    expect(expected.length).toBeGreaterThan(2);
    expect(await walk({ filter }, 4)).toEqual(expected);
  });

  it('counts facets over the filter, each ignoring its own condition', async () => {
    const result = await learning.run<{
      courses: {
        totalCount: number;
        facets: Record<'categories' | 'levels' | 'tags', { value: string; count: number }[]>;
      };
    }>(
      `query($filter: CourseFilter) { courses(first: 1, filter: $filter) { totalCount
        facets { categories { value count } levels { value count } tags { value count } } } }`,
      { filter: { category: 'crypto', tags: ['options'] } },
    );
    expect(result.errors).toBeUndefined();
    const { totalCount, facets } = result.data!.courses;
    const count = (keep: (c: Course) => boolean) => published().filter(keep).length;
    const withTag = (c: Course) => c.tags.includes('options');
    expect(totalCount).toBe(count((c) => c.category === 'crypto' && withTag(c)));
    expect(facets.categories).toEqual(
      expect.arrayContaining(
        categories.map((value) => ({ value, count: count((c) => c.category === value && withTag(c)) })),
      ),
    );
    expect(facets.tags.find((t) => t.value === 'crypto')).toEqual({
      value: 'crypto',
      count: count((c) => c.category === 'crypto' && c.tags.includes('crypto')),
    });
    expect(facets.levels.reduce((sum, l) => sum + l.count, 0)).toBe(totalCount);
  });

  it('rejects a bad priceMax and a cursor issued for another order', async () => {
    expect(codeOf(await learning.run(PAGE, { filter: { priceMax: 'cheap' } }))).toBe('BAD_USER_INPUT');
    const first = await learning.run<Page>(PAGE, { first: 2, orderBy: 'TITLE' });
    const after = first.data!.courses.pageInfo.endCursor;
    expect(codeOf(await learning.run(PAGE, { after, orderBy: 'PRICE_ASC' }))).toBe('BAD_USER_INPUT');
  });
});

describe('course lookups and statuses', () => {
  const BY_SLUG = 'query($s: String!) { courseBySlug(slug: $s) { id status } }';

  it('finds published courses by slug; drafts and archived ones only for their instructor and admins', async () => {
    const draft = courses.find((c) => c.status === 'DRAFT')!;
    const archived = courses.find((c) => c.status === 'ARCHIVED')!;
    expect((await learning.run(BY_SLUG, { s: 'course-1' })).data).toEqual({
      courseBySlug: { id: courses.find((c) => c.slug === 'course-1')!.id, status: 'PUBLISHED' },
    });
    for (const hidden of [draft, archived]) {
      expect((await learning.run(BY_SLUG, { s: hidden.slug })).data).toEqual({ courseBySlug: null });
      expect((await learning.run(BY_SLUG, { s: hidden.slug }, viewer('ADMIN'))).data).toEqual({
        courseBySlug: { id: hidden.id, status: hidden.status },
      });
    }
    const total = await learning.run<Page>(PAGE, {});
    expect(total.data!.courses.totalCount).toBe(60);
  });
});
