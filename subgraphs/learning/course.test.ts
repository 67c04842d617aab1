import { randomUUID } from 'node:crypto';
import type { Course } from '../../platform/prisma/generated/client';
import { createLearningLoaders } from './loaders';
import { codeOf, startLearning, viewer, type LearningHarness } from './testHarness';

const instructorId = randomUUID();
let learning: LearningHarness;
let course: Course;
let other: Course;
let draft: Course;

const create = (slug: string, priceMinor: bigint, published = true) =>
  learning.prisma.course.create({
    data: {
      slug,
      title: slug,
      summary: 's',
      level: 'BEGINNER',
      instructorId,
      priceMinor,
      status: published ? 'PUBLISHED' : 'DRAFT',
    },
  });

const COURSE = `query($id: ID, $slug: String) { course(id: $id, slug: $slug) {
  id price { amount currency } instructor { id } lessonCount modules { title position lessons { title position } } } }`;

beforeAll(async () => {
  learning = await startLearning();
  course = await create('with-modules', 299_900n);
  other = await create('empty', 0n);
  draft = await create('draft', 0n, false);
  const mod2 = await learning.prisma.module.create({
    data: { courseId: course.id, title: 'M2', position: 2 },
  });
  const mod1 = await learning.prisma.module.create({
    data: { courseId: course.id, title: 'M1', position: 1 },
  });
  await learning.prisma.lesson.createMany({
    data: [
      { moduleId: mod1.id, title: 'L1.2', position: 2, durationSeconds: 60 },
      { moduleId: mod1.id, title: 'L1.1', position: 1, durationSeconds: 60 },
      { moduleId: mod2.id, title: 'L2.1', position: 1, durationSeconds: 60 },
    ],
  });
});

afterAll(async () => {
  await learning?.stop();
});

describe('Query.course', () => {
  it('finds by id or slug, with price, instructor, and modules and lessons in position order', async () => {
    const byId = await learning.run(COURSE, { id: course.id });
    const bySlug = await learning.run(COURSE, { slug: course.slug });
    expect(bySlug).toEqual(byId);
    expect(byId.data!.course).toEqual({
      id: course.id,
      price: { amount: '2999.00', currency: 'INR' },
      instructor: { id: instructorId },
      lessonCount: 3,
      modules: [
        {
          title: 'M1',
          position: 1,
          lessons: [
            { title: 'L1.1', position: 1 },
            { title: 'L1.2', position: 2 },
          ],
        },
        { title: 'M2', position: 2, lessons: [{ title: 'L2.1', position: 1 }] },
      ],
    });
  });

  it('needs exactly one of id and slug', async () => {
    expect(codeOf(await learning.run(COURSE, {}))).toBe('BAD_USER_INPUT');
    expect(codeOf(await learning.run(COURSE, { id: course.id, slug: course.slug }))).toBe('BAD_USER_INPUT');
  });

  it.each([{ id: randomUUID() }, { id: 'not-a-uuid' }, { slug: 'nope' }, { slug: 'draft' }])(
    'is null for %j (unknown or unpublished)',
    async (variables) => {
      expect(await learning.run(COURSE, variables)).toEqual({ data: { course: null } });
    },
  );

  it('shows an unpublished course to admins and its instructor only', async () => {
    const asAdmin = await learning.run(COURSE, { id: draft.id }, viewer('ADMIN'));
    const asInstructor = await learning.run(
      COURSE,
      { id: draft.id },
      { ...viewer('INSTRUCTOR'), userId: instructorId },
    );
    const asOther = await learning.run(COURSE, { id: draft.id }, viewer('INSTRUCTOR'));
    expect([asAdmin, asInstructor, asOther].map((r) => r.data!.course && 'found')).toEqual([
      'found',
      'found',
      null,
    ]);
  });
});

describe('Course entity', () => {
  it('resolves references for the gateway in order, null for unknown and unpublished ones', async () => {
    const query =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Course { id lessonCount } } }';
    const r = [other.id, randomUUID(), course.id, draft.id].map((id) => ({ __typename: 'Course', id }));
    const result = await learning.run(query, { r });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      { id: other.id, lessonCount: 0 },
      null,
      { id: course.id, lessonCount: 3 },
      null,
    ]);
  });
});

describe('loaders', () => {
  it('answer in key order with null, [] or 0 for keys that match nothing', async () => {
    const loaders = createLearningLoaders(learning.prisma, null);
    const missing = randomUUID();
    const courses = await loaders.courseById.loadMany([other.id, missing, course.id]);
    expect(courses.map((c) => (c && 'id' in c ? c.id : c))).toEqual([other.id, null, course.id]);
    const modules = await loaders.modulesByCourseId.loadMany([missing, course.id, other.id]);
    expect(modules.map((list) => (Array.isArray(list) ? list.map((m) => m.title) : list))).toEqual([
      [],
      ['M1', 'M2'],
      [],
    ]);
    const [m1] = await loaders.modulesByCourseId.load(course.id);
    const lessons = await loaders.lessonsByModuleId.loadMany([missing, m1!.id]);
    expect(lessons.map((list) => (Array.isArray(list) ? list.map((l) => l.title) : list))).toEqual([
      [],
      ['L1.1', 'L1.2'],
    ]);
    expect(await loaders.lessonCountByCourseId.loadMany([other.id, course.id, missing])).toEqual([0, 3, 0]);
    expect(await loaders.enrollmentsByUserId.loadMany([missing])).toEqual([[]]);
  });

  it('fetch a page of 20 courses with modules, lessons and counts in one query each', async () => {
    const data = Array.from({ length: 20 }, (_, i) => ({
      id: randomUUID(),
      slug: `bulk-${i}`,
      title: 't',
      summary: 's',
      level: 'BEGINNER' as const,
      instructorId,
      priceMinor: 0n,
    }));
    await learning.prisma.course.createMany({ data });
    await learning.prisma.module.createMany({
      data: data.map((c) => ({ courseId: c.id, title: 'M', position: 1 })),
    });
    const spies = [
      jest.spyOn(learning.prisma.module, 'findMany'),
      jest.spyOn(learning.prisma.lesson, 'findMany'),
      jest.spyOn(learning.prisma, '$queryRaw'),
    ];
    const result = await learning.run(
      '{ courses(first: 20) { edges { node { lessonCount modules { lessons { id } } } } } }',
    );
    const calls = spies.map((spy) => spy.mock.calls.length);
    jest.restoreAllMocks();
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual([1, 1, 1]);
  });
});
