import { randomUUID } from 'node:crypto';
import { codeOf, startLearning, viewer, type LearningHarness } from './testHarness';

// Admin dashboard figures (issue 9), checked against values worked out here from the fixture itself.
let learning: LearningHarness;
const admin = viewer('ADMIN');
const FROM = '2026-01-01T00:00:00.000Z';
const TO = '2026-01-08T00:00:00.000Z';
const QUERY = `query($from: DateTime!, $to: DateTime!, $first: Int) { learningAnalytics(from: $from, to: $to) {
  enrollmentsByDay { day count } completionRate averageProgress
  topCourses(first: $first) { course { slug } enrollments completions completionRate } } }`;

type Status = 'ACTIVE' | 'COMPLETED' | 'CANCELLED';
/** Course slug, creation time, status, and which lessons (by name) are completed. */
const fixture: [string, string, Status, string[]][] = [
  ['a', '2026-01-02T10:00:00Z', 'COMPLETED', ['a1', 'a2']],
  ['a', '2026-01-02T23:59:59Z', 'ACTIVE', ['a1', 'a3']], // a3 is optional: half of the required
  ['a', '2026-01-05T08:00:00Z', 'ACTIVE', []],
  ['b', '2026-01-05T12:00:00Z', 'COMPLETED', ['b1']],
  ['b', '2026-01-06T12:00:00Z', 'CANCELLED', ['b1']], // refunded: left out
  ['a', '2025-12-31T23:59:59Z', 'ACTIVE', []], // before the range
  ['b', TO, 'ACTIVE', []], // the range is half-open
];
const required: Record<string, string[]> = { a: ['a1', 'a2'], b: ['b1'] };

beforeAll(async () => {
  learning = await startLearning();
  const lessonIds = new Map<string, string>();
  const courseIds = new Map<string, string>();
  for (const [slug, lessons] of [
    ['a', ['a1', 'a2', 'a3']],
    ['b', ['b1']],
  ] as const) {
    const course = await learning.prisma.course.create({
      data: {
        slug,
        title: slug,
        summary: 's',
        level: 'BEGINNER',
        instructorId: randomUUID(),
        priceMinor: 0n,
      },
    });
    courseIds.set(slug, course.id);
    const module = await learning.prisma.module.create({
      data: { courseId: course.id, title: 'm', position: 1 },
    });
    for (const [i, name] of lessons.entries()) {
      const lesson = await learning.prisma.lesson.create({
        data: {
          moduleId: module.id,
          title: name,
          position: i + 1,
          kind: 'TEXT',
          durationSeconds: 60,
          required: name !== 'a3',
        },
      });
      lessonIds.set(name, lesson.id);
    }
  }
  for (const [slug, createdAt, status, done] of fixture) {
    const userId = randomUUID();
    const enrollment = await learning.prisma.enrollment.create({
      data: { userId, courseId: courseIds.get(slug)!, status, createdAt: new Date(createdAt) },
    });
    await learning.prisma.lessonProgress.createMany({
      data: done.map((name) => ({
        enrollmentId: enrollment.id,
        userId,
        lessonId: lessonIds.get(name)!,
        completedAt: new Date(createdAt),
      })),
    });
  }
}, 60_000);

afterAll(async () => {
  await learning?.stop();
});

/** The same figures, computed in plain TypeScript from the fixture. */
function expected() {
  const cohort = fixture.filter(
    ([, at, status]) =>
      status !== 'CANCELLED' && new Date(at) >= new Date(FROM) && new Date(at) < new Date(TO),
  );
  const days = new Map<string, number>();
  for (const [, at] of cohort) days.set(at.slice(0, 10), (days.get(at.slice(0, 10)) ?? 0) + 1);
  const progress = cohort.map(
    ([slug, , , done]) => required[slug]!.filter((l) => done.includes(l)).length / required[slug]!.length,
  );
  const completed = cohort.filter(([, , status]) => status === 'COMPLETED').length;
  const perCourse = ['a', 'b'].map((slug) => {
    const rows = cohort.filter(([s]) => s === slug);
    const completions = rows.filter(([, , status]) => status === 'COMPLETED').length;
    return { slug, enrollments: rows.length, completions, rate: completions / rows.length };
  });
  return {
    days: [...days].sort().map(([day, count]) => ({ day, count })),
    completionRate: completed / cohort.length,
    averageProgress: progress.reduce((a, b) => a + b, 0) / progress.length,
    perCourse: perCourse.sort((x, y) => y.enrollments - x.enrollments),
  };
}

interface Figures {
  learningAnalytics: {
    enrollmentsByDay: { day: string; count: number }[];
    completionRate: number;
    averageProgress: number;
    topCourses: {
      course: { slug: string };
      enrollments: number;
      completions: number;
      completionRate: number;
    }[];
  };
}

describe('learningAnalytics', () => {
  it('aggregates the range’s enrolments by day, completion, progress and course', async () => {
    const result = await learning.run<Figures>(QUERY, { from: FROM, to: TO }, admin);
    expect(result.errors).toBeUndefined();
    const figures = result.data!.learningAnalytics;
    const want = expected();
    expect(figures.enrollmentsByDay).toEqual(want.days);
    expect(figures.enrollmentsByDay).toEqual([
      { day: '2026-01-02', count: 2 },
      { day: '2026-01-05', count: 2 },
    ]);
    expect(figures.completionRate).toBeCloseTo(want.completionRate, 10);
    expect(figures.averageProgress).toBeCloseTo(want.averageProgress, 10);
    expect(figures.topCourses).toEqual(
      want.perCourse.map((c) => ({
        course: { slug: c.slug },
        enrollments: c.enrollments,
        completions: c.completions,
        completionRate: c.rate,
      })),
    );
  });

  it('limits topCourses and answers zeros for an empty range', async () => {
    const top = await learning.run<Figures>(QUERY, { from: FROM, to: TO, first: 1 }, admin);
    expect(top.data?.learningAnalytics.topCourses.map((c) => c.course.slug)).toEqual(['a']);
    const empty = await learning.run<Figures>(
      QUERY,
      { from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' },
      admin,
    );
    expect(empty.data?.learningAnalytics).toEqual({
      enrollmentsByDay: [],
      completionRate: 0,
      averageProgress: 0,
      topCourses: [],
    });
  });

  it('refuses anyone but ADMIN, and a backwards range', async () => {
    for (const who of [viewer('INSTRUCTOR'), viewer('ANALYST'), viewer('LEARNER')]) {
      expect(codeOf(await learning.run(QUERY, { from: FROM, to: TO }, who))).toBe('FORBIDDEN');
    }
    expect(codeOf(await learning.run(QUERY, { from: FROM, to: TO }, null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await learning.run(QUERY, { from: TO, to: FROM }, admin))).toBe('BAD_USER_INPUT');
  });
});
