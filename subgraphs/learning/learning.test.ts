import { randomUUID } from 'node:crypto';
import type { Course } from '../../platform/prisma/generated/client';
import { encodeCursor } from './services/cursor';
import { codeOf, startLearning, type Data, type LearningHarness, type Result } from './testHarness';

const levels = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED'] as const;
let learning: LearningHarness;
let published: Course[];

/** The order the API promises: createdAt desc, then id desc (uuid order is the hex string's order). */
const newestFirst = (a: Course, b: Course) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);

interface Page {
  courses: {
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}
const PAGE = `query($first: Int, $after: String, $filter: CourseFilter) {
  courses(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }`;

async function walk(first: number, filter?: Data): Promise<{ ids: string[]; pages: Page['courses'][] }> {
  const pages: Page['courses'][] = [];
  let after: string | null = null;
  do {
    const result: Result<Page> = await learning.run<Page>(PAGE, { first, after, filter });
    expect(result.errors).toBeUndefined();
    const page = result.data!.courses;
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return { ids: pages.flatMap((page) => page.edges.map((edge) => edge.node.id)), pages };
}

beforeAll(async () => {
  learning = await startLearning();
  const base = Date.UTC(2026, 0, 1);
  const instructorId = randomUUID();
  // Three courses share each timestamp, so the id tie-break is exercised at page boundaries.
  published = await Promise.all(
    Array.from({ length: 25 }, (_, i) =>
      learning.prisma.course.create({
        data: {
          slug: `course-${i}`,
          title: i % 5 === 0 ? `Options Strategies ${i}` : `Course ${i}`,
          summary: 's',
          level: levels[i % 3]!,
          instructorId,
          priceMinor: i % 4 === 0 ? 0n : 299_900n,
          createdAt: new Date(base + Math.floor(i / 3) * 60_000),
        },
      }),
    ),
  );
  published.sort(newestFirst);
  await learning.prisma.course.create({
    data: {
      slug: 'draft',
      title: 'Draft',
      summary: 's',
      level: 'BEGINNER',
      instructorId,
      priceMinor: 0n,
      status: 'DRAFT',
    },
  });
});

afterAll(async () => {
  await learning?.stop();
});

describe('Query.courses', () => {
  it('pages through every published course newest first, with no duplicates or gaps', async () => {
    const { ids, pages } = await walk(7);
    expect(ids).toEqual(published.map((c) => c.id));
    expect(pages.map((p) => p.edges.length)).toEqual([7, 7, 7, 4]);
    expect(pages.every((p) => p.totalCount === 25)).toBe(true);
    const last = pages.at(-1)!;
    expect(last.pageInfo).toEqual({ hasNextPage: false, endCursor: last.edges.at(-1)!.cursor });
  });

  it('returns 20 by default', async () => {
    const result = await learning.run<Page>(PAGE);
    expect(result.data!.courses.edges.map((e) => e.node.id)).toEqual(published.slice(0, 20).map((c) => c.id));
    expect(result.data!.courses.pageInfo.hasNextPage).toBe(true);
  });

  it('keeps its place when a newer course is added between pages (keyset, not offset)', async () => {
    const first = await learning.run<Page>(PAGE, { first: 5 });
    const newer = await learning.prisma.course.create({
      data: {
        slug: 'newest',
        title: 'Newest',
        summary: 's',
        level: 'BEGINNER',
        instructorId: randomUUID(),
        priceMinor: 0n,
      },
    });
    const second = await learning.run<Page>(PAGE, {
      first: 5,
      after: first.data!.courses.pageInfo.endCursor,
    });
    await learning.prisma.course.delete({ where: { id: newer.id } });
    expect(second.data!.courses.edges.map((e) => e.node.id)).toEqual(published.slice(5, 10).map((c) => c.id));
  });

  it.each([
    [{ level: 'ADVANCED' }, (c: Course) => c.level === 'ADVANCED'],
    [{ search: 'oPtIoNs' }, (c: Course) => c.title.startsWith('Options')],
    [{ free: true }, (c: Course) => c.priceMinor === 0n],
    [{ free: false, level: 'BEGINNER' }, (c: Course) => c.priceMinor > 0n && c.level === 'BEGINNER'],
  ])('filters by %j across pages with a matching totalCount', async (filter, keep) => {
    const expected = published.filter(keep).map((c) => c.id);
    const { ids, pages } = await walk(2, filter);
    expect(expected.length).toBeGreaterThan(2);
    expect(ids).toEqual(expected);
    expect(pages.every((p) => p.totalCount === expected.length)).toBe(true);
  });

  it.each([0, -1, 101])('rejects first: %d with BAD_USER_INPUT', async (first) => {
    expect(codeOf(await learning.run(PAGE, { first }))).toBe('BAD_USER_INPUT');
  });

  const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['garbage', 'not-a-cursor!'],
    ['not JSON', Buffer.from('plain text').toString('base64url')],
    ['a bad date', json({ createdAt: 'yesterday', id: randomUUID() })],
    ['a bad id', json({ createdAt: new Date().toISOString(), id: 'nope' })],
    ['not an object', json(42)],
  ])('rejects a cursor with %s with BAD_USER_INPUT', async (_kind, after) => {
    expect(codeOf(await learning.run(PAGE, { after }))).toBe('BAD_USER_INPUT');
  });

  it('accepts a cursor past the end: an empty last page', async () => {
    const result = await learning.run<Page>(PAGE, { after: encodeCursor('NEWEST', published.at(-1)!) });
    expect(result.data!.courses).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 25,
    });
  });
});
