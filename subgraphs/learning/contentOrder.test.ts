import type { Viewer } from '../../platform/auth/viewer';
import { LearningTopics, type CourseChangedPayload } from './topics';
import { codeOf, startLearning, viewer, type Data, type LearningHarness } from './testHarness';

// Deleting and reordering modules and lessons, and the learning.course.changed event every edit writes.
let learning: LearningHarness;
const instructor = viewer('INSTRUCTOR');
const admin = viewer('ADMIN');

async function ok<T = Data>(query: string, variables: Data, as: Viewer | null = instructor): Promise<T> {
  const result = await learning.run<T>(query, variables, as);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/** The course.changed events in the outbox, oldest first. */
async function courseChanges(courseId: string): Promise<CourseChangedPayload['change'][]> {
  const rows = await learning.prisma.learningOutboxEvent.findMany({
    where: { topic: LearningTopics.courseChanged, key: courseId },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((row) => (row.payload as unknown as CourseChangedPayload).change);
}

const STRUCTURE = `query($id: ID!) { course(id: $id) { modules { id title position lessons { id title position } } } }`;
interface Structure {
  course: {
    modules: {
      id: string;
      title: string;
      position: number;
      lessons: { id: string; title: string; position: number }[];
    }[];
  };
}
const structure = async (id: string) => (await ok<Structure>(STRUCTURE, { id })).course.modules;
const ADD_MODULE = 'mutation($c: ID!, $t: String!) { addModule(courseId: $c, title: $t) { id } }';
const ADD_LESSON = `mutation($m: ID!, $t: String!) { addLesson(moduleId: $m, input: { title: $t, kind: TEXT,
  durationSeconds: 60, body: "b" }) { id } }`;

let courseId: string;
const modules: string[] = [];
const lessons: string[] = [];

beforeAll(async () => {
  learning = await startLearning();
  const created = await ok<{ createCourse: { id: string } }>(
    `mutation { createCourse(input: { title: "Order Flow", slug: "order-flow", summary: "s",
      category: "c", level: BEGINNER, price: "0" }) { id } }`,
    {},
  );
  courseId = created.createCourse.id;
  for (const title of ['M1', 'M2', 'M3'])
    modules.push(
      (await ok<{ addModule: { id: string } }>(ADD_MODULE, { c: courseId, t: title })).addModule.id,
    );
  for (const title of ['L1', 'L2', 'L3', 'L4'])
    lessons.push(
      (await ok<{ addLesson: { id: string } }>(ADD_LESSON, { m: modules[0], t: title })).addLesson.id,
    );
}, 60_000);

afterAll(async () => {
  await learning?.stop();
});

describe('reordering and deleting content', () => {
  it('reorders lessons and modules densely, in the order given', async () => {
    await ok('mutation($m: ID!, $ids: [ID!]!) { reorderLessons(moduleId: $m, lessonIds: $ids) { id } }', {
      m: modules[0],
      ids: [lessons[3], lessons[0], lessons[2], lessons[1]],
    });
    await ok('mutation($c: ID!, $ids: [ID!]!) { reorderModules(courseId: $c, moduleIds: $ids) { id } }', {
      c: courseId,
      ids: [modules[2], modules[0], modules[1]],
    });
    const now = await structure(courseId);
    expect(now.map((m) => [m.title, m.position])).toEqual([
      ['M3', 1],
      ['M1', 2],
      ['M2', 3],
    ]);
    expect(now[1]!.lessons.map((l) => [l.title, l.position])).toEqual([
      ['L4', 1],
      ['L1', 2],
      ['L3', 3],
      ['L2', 4],
    ]);
  });

  it('refuses an order that leaves out, repeats or invents an id', async () => {
    const REORDER =
      'mutation($m: ID!, $ids: [ID!]!) { reorderLessons(moduleId: $m, lessonIds: $ids) { id } }';
    for (const ids of [
      lessons.slice(0, 3),
      [lessons[0], lessons[0], lessons[1], lessons[2]],
      [...lessons.slice(0, 3), modules[1]],
    ]) {
      expect(codeOf(await learning.run(REORDER, { m: modules[0], ids }, instructor))).toBe('BAD_USER_INPUT');
    }
    expect(codeOf(await learning.run(REORDER, { m: modules[0], ids: lessons }, viewer('INSTRUCTOR')))).toBe(
      'NOT_FOUND',
    );
  });

  it('deletes a lesson and a module, closing up the positions', async () => {
    const left = await ok<{ deleteLesson: { lessons: { title: string; position: number }[] } }>(
      'mutation($id: ID!) { deleteLesson(id: $id) { lessons { title position } } }',
      { id: lessons[2] },
    );
    expect(left.deleteLesson.lessons).toEqual([
      { title: 'L4', position: 1 },
      { title: 'L1', position: 2 },
      { title: 'L2', position: 3 },
    ]);
    await ok('mutation($id: ID!) { deleteModule(id: $id) { id } }', { id: modules[2] }, admin);
    expect((await structure(courseId)).map((m) => [m.title, m.position])).toEqual([
      ['M1', 1],
      ['M2', 2],
    ]);
    expect(await learning.prisma.lesson.count({ where: { id: lessons[2] } })).toBe(0);
  });

  it('refuses to delete a lesson learners have submitted work for', async () => {
    const lesson = await ok<{ addLesson: { id: string } }>(
      `mutation($m: ID!) { addLesson(moduleId: $m, input: { title: "Task", kind: ASSIGNMENT,
        durationSeconds: 600, body: "Do it" }) { id } }`,
      { m: modules[1] },
    );
    const enrollment = await learning.prisma.enrollment.create({
      data: { userId: viewer().userId, courseId },
    });
    await learning.prisma.assignmentSubmission.create({
      data: {
        lessonId: lesson.addLesson.id,
        enrollmentId: enrollment.id,
        userId: enrollment.userId,
        text: 'done',
      },
    });
    const refused = await learning.run(
      'mutation($id: ID!) { deleteLesson(id: $id) { id } }',
      {
        id: lesson.addLesson.id,
      },
      instructor,
    );
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(
      codeOf(
        await learning.run(
          'mutation($id: ID!) { deleteModule(id: $id) { id } }',
          { id: modules[1] },
          instructor,
        ),
      ),
    ).toBe('CONFLICT');
  });

  it('announces every change of the course on learning.course.changed, with its status', async () => {
    await ok('mutation($id: ID!) { updateCourse(id: $id, input: { summary: "new" }) { id } }', {
      id: courseId,
    });
    await ok('mutation($id: ID!) { archiveCourse(id: $id) { id } }', { id: courseId }, admin);
    const changes = await courseChanges(courseId);
    // create, 3 modules, 4 lessons, 2 reorders, 2 deletes, the assignment lesson, update, archive
    expect(changes).toEqual(['CREATED', ...Array<string>(12).fill('CONTENT_CHANGED'), 'UPDATED', 'ARCHIVED']);
    const last = await learning.prisma.learningOutboxEvent.findFirstOrThrow({
      where: { topic: LearningTopics.courseChanged, key: courseId, type: 'CourseChanged' },
      orderBy: { createdAt: 'desc' },
    });
    expect(last.payload).toEqual({ courseId, slug: 'order-flow', change: 'ARCHIVED', status: 'ARCHIVED' });
  });
});
