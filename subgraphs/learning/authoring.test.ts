import type { Viewer } from '../../platform/auth/viewer';
import { codeOf, startLearning, viewer, type Data, type LearningHarness } from './testHarness';

let learning: LearningHarness;
const instructor = viewer('INSTRUCTOR');
const otherInstructor = viewer('INSTRUCTOR');
const admin = viewer('ADMIN');

async function ok<T = Data>(query: string, variables: Data, as: Viewer | null): Promise<T> {
  const result = await learning.run<T>(query, variables, as);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

const CREATE =
  'mutation($input: CreateCourseInput!) { createCourse(input: $input) { id status price { amount } tags category } }';
const PUBLISH = 'mutation($id: ID!) { publishCourse(id: $id) { id status publishedAt } }';
const input = (slug: string, extra: Data = {}) => ({
  title: 'Swing Trading NIFTY',
  slug,
  summary: 'Swing setups',
  category: 'Technical-Analysis',
  tags: ['Swing', 'nse'],
  level: 'INTERMEDIATE',
  price: '0',
  ...extra,
});

beforeAll(async () => {
  learning = await startLearning();
});

afterAll(async () => {
  await learning?.stop();
});

describe('instructor authoring', () => {
  let courseId: string;
  let videoLessonId: string;
  let textLessonId: string;

  it('lets instructors create draft courses within the price band, and no one else', async () => {
    expect(codeOf(await learning.run(CREATE, { input: input('a') }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await learning.run(CREATE, { input: input('a') }, viewer('LEARNER')))).toBe('FORBIDDEN');
    for (const [bad, field] of [
      [{ price: '10000' }, 'input.price'],
      [{ price: '800000.01' }, 'input.price'],
      [{ slug: 'Not A Slug' }, 'input.slug'],
      [{ title: 'x' }, 'input.title'],
    ] as const) {
      const result = await learning.run(CREATE, { input: { ...input('ok'), ...bad } }, instructor);
      expect([codeOf(result), result.errors![0]!.extensions!.field]).toEqual(['BAD_USER_INPUT', field]);
    }
    const created = await ok<{ createCourse: { id: string } }>(
      CREATE,
      { input: input('swing', { price: '24000' }) },
      instructor,
    );
    expect(created.createCourse).toMatchObject({
      status: 'DRAFT',
      price: { amount: '24000.00' },
      tags: ['swing', 'nse'],
      category: 'technical-analysis',
    });
    courseId = created.createCourse.id;
    expect(codeOf(await learning.run(CREATE, { input: input('swing') }, instructor))).toBe('CONFLICT');
    const catalog = await ok<{ courses: { totalCount: number } }>('{ courses { totalCount } }', {}, null);
    expect(catalog.courses.totalCount).toBe(0);
  });

  it('refuses to publish an incomplete course, listing what is missing', async () => {
    const result = await learning.run(PUBLISH, { id: courseId }, instructor);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.problems).toEqual([
      'The course needs a description',
      'The course needs at least one module',
      'At least one lesson must be required',
    ]);
    const module = await ok<{ addModule: { id: string; position: number } }>(
      'mutation($c: ID!) { addModule(courseId: $c, title: "Setups") { id position } }',
      { c: courseId },
      instructor,
    );
    expect(module.addModule.position).toBe(1);
    const ADD =
      'mutation($m: ID!, $input: LessonInput!) { addLesson(moduleId: $m, input: $input) { id position kind } }';
    videoLessonId = (
      await ok<{ addLesson: { id: string } }>(
        ADD,
        {
          m: module.addModule.id,
          input: { title: 'Intro', kind: 'VIDEO', durationSeconds: 300, isFree: true },
        },
        instructor,
      )
    ).addLesson.id;
    textLessonId = (
      await ok<{ addLesson: { id: string } }>(
        ADD,
        {
          m: module.addModule.id,
          input: { title: 'Notes', kind: 'TEXT', durationSeconds: 120, releaseAfterDays: 3 },
        },
        instructor,
      )
    ).addLesson.id;
    await ok(
      'mutation($id: ID!) { updateCourse(id: $id, input: { description: "Swing setups on NIFTY 50" }) { id } }',
      { id: courseId },
      instructor,
    );
    const again = await learning.run(PUBLISH, { id: courseId }, instructor);
    expect(again.errors![0]!.extensions!.problems).toEqual([
      'Lesson "Intro" has no video',
      'Lesson "Notes" has no text',
    ]);
  });

  it('keeps other instructors out: drafts do not exist for them', async () => {
    const result = await learning.run(
      'mutation($id: ID!) { updateCourse(id: $id, input: { title: "Mine now" }) { id } }',
      { id: courseId },
      otherInstructor,
    );
    expect(codeOf(result)).toBe('NOT_FOUND');
  });

  it('attaches https videos with captions and publishes a complete course', async () => {
    const VIDEO =
      'mutation($l: ID!, $input: VideoAssetInput!) { setLessonVideo(lessonId: $l, input: $input) { durationSeconds video { url captions { language } } } }';
    const insecure = await learning.run(
      VIDEO,
      { l: videoLessonId, input: { url: 'http://cdn.example/v.m3u8', durationSeconds: 310 } },
      instructor,
    );
    expect(codeOf(insecure)).toBe('BAD_USER_INPUT');
    const video = await ok<{ setLessonVideo: Data }>(
      VIDEO,
      {
        l: videoLessonId,
        input: {
          url: 'https://cdn.example/v.m3u8',
          durationSeconds: 310,
          captions: [{ language: 'en', url: 'https://cdn.example/v.en.vtt' }],
        },
      },
      instructor,
    );
    expect(video.setLessonVideo).toEqual({
      durationSeconds: 310,
      video: { url: 'https://cdn.example/v.m3u8', captions: [{ language: 'en' }] },
    });
    await ok(
      'mutation($l: ID!) { updateLesson(id: $l, input: { body: "Read this" }) { id } }',
      { l: textLessonId },
      instructor,
    );
    const published = await ok<{ publishCourse: Data }>(PUBLISH, { id: courseId }, instructor);
    expect(published.publishCourse).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(String) });
    const after = await learning.run(
      'mutation($id: ID!) { updateCourse(id: $id, input: { title: "Mine now" }) { id } }',
      { id: courseId },
      otherInstructor,
    );
    expect(codeOf(after)).toBe('FORBIDDEN');
  });

  it('shows previews to everyone and locks the rest, saying why', async () => {
    const lessons = await ok<{ course: { modules: { lessons: Data[] }[] } }>(
      'query($id: ID!) { course(id: $id) { modules { lessons { title access { open reason } video { url } body } } } }',
      { id: courseId },
      null,
    );
    expect(lessons.course.modules[0]!.lessons).toEqual([
      {
        title: 'Intro',
        access: { open: true, reason: null },
        video: { url: 'https://cdn.example/v.m3u8' },
        body: '',
      },
      { title: 'Notes', access: { open: false, reason: 'ENROLLMENT_REQUIRED' }, video: null, body: null },
    ]);
  });

  it('lets only admins archive; archived courses leave the catalog', async () => {
    const ARCHIVE = 'mutation($id: ID!) { archiveCourse(id: $id) { status } }';
    const learner = viewer('LEARNER');
    // Bought it (the purchase path has its own tests).
    await learning.prisma.enrollment.create({
      data: { userId: learner.userId, courseId, source: 'PURCHASE' },
    });
    expect(codeOf(await learning.run(ARCHIVE, { id: courseId }, instructor))).toBe('FORBIDDEN');
    expect(await ok(ARCHIVE, { id: courseId }, admin)).toEqual({ archiveCourse: { status: 'ARCHIVED' } });
    expect(await ok('{ courses { totalCount } }', {}, null)).toEqual({ courses: { totalCount: 0 } });
    const COURSE = 'query($id: ID!) { course(id: $id) { status } }';
    expect(await ok(COURSE, { id: courseId }, null)).toEqual({ course: null });
    expect(await ok(COURSE, { id: courseId }, learner)).toEqual({ course: { status: 'ARCHIVED' } });
    const taught = await ok<{ taughtCourses: Data[] }>('{ taughtCourses { id status } }', {}, instructor);
    expect(taught.taughtCourses).toEqual([{ id: courseId, status: 'ARCHIVED' }]);
  });
});
