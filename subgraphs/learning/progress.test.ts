import { randomUUID } from 'node:crypto';
import type { Course, Lesson } from '../../platform/prisma/generated/client';
import { codeOf, startLearning, viewer, type LearningHarness } from './testHarness';
import { LearningTopics } from './topics';

let learning: LearningHarness;
let clock = Date.now();
const tick = (seconds: number) => (clock += seconds * 1000);
let course: Course;
let video: Lesson;
let reading: Lesson;
let optional: Lesson;
let dripped: Lesson;

const HEARTBEAT = `mutation($l: ID!, $p: Int!) { recordLessonHeartbeat(lessonId: $l, positionSeconds: $p) {
  watchedSeconds positionSeconds completed } }`;
const COMPLETE = 'mutation($l: ID!) { completeLesson(lessonId: $l) { completed } }';
const ENROLLMENTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User {
  enrollments { status progress completedLessonCount requiredLessonCount course { title }
    certificate { code status } } } } }`;

async function heartbeat(as: ReturnType<typeof viewer>, lesson: Lesson, position: number) {
  const result = await learning.run<{
    recordLessonHeartbeat: { watchedSeconds: number; completed: boolean };
  }>(HEARTBEAT, { l: lesson.id, p: position }, as);
  expect(result.errors).toBeUndefined();
  return result.data!.recordLessonHeartbeat;
}

/** Plays the video in real time from `from` to `to`, a heartbeat every 10 seconds. */
async function watch(as: ReturnType<typeof viewer>, lesson: Lesson, from: number, to: number) {
  let last = await heartbeat(as, lesson, from);
  for (let position = from + 10; position <= to; position += 10) {
    tick(10);
    last = await heartbeat(as, lesson, position);
  }
  return last;
}

async function enrolled() {
  const learner = viewer('LEARNER');
  const result = await learning.run(
    'mutation($id: ID!) { enroll(courseId: $id) { id } }',
    { id: course.id },
    learner,
  );
  expect(result.errors).toBeUndefined();
  return learner;
}

const enrollmentsOf = async (as: ReturnType<typeof viewer>) =>
  (
    await learning.run<{ _entities: { enrollments: Record<string, unknown>[] }[] }>(
      ENROLLMENTS,
      { r: [{ __typename: 'User', id: as.userId }] },
      as,
    )
  ).data!._entities[0]!.enrollments;

beforeAll(async () => {
  learning = await startLearning({ now: () => new Date(clock) });
  course = await learning.prisma.course.create({
    data: {
      slug: 'free',
      title: 'Free course',
      summary: 's',
      level: 'BEGINNER',
      instructorId: randomUUID(),
      priceMinor: 0n,
    },
  });
  const module = await learning.prisma.module.create({
    data: { courseId: course.id, title: 'M', position: 1 },
  });
  const lesson = (position: number, data: Partial<Lesson>) =>
    learning.prisma.lesson.create({
      data: { moduleId: module.id, title: `L${position}`, position, durationSeconds: 200, ...data },
    });
  video = await lesson(1, { kind: 'VIDEO' });
  reading = await lesson(2, { kind: 'TEXT', body: 'Read me' });
  optional = await lesson(3, { kind: 'TEXT', required: false, body: 'Extra' });
  dripped = await lesson(4, { kind: 'TEXT', body: 'Week two', releaseAfterDays: 7 });
});

afterAll(async () => {
  await learning?.stop();
});

describe('video progress from heartbeats', () => {
  it('does not complete a lesson when the learner seeks to the end', async () => {
    const learner = await enrolled();
    await heartbeat(learner, video, 0);
    tick(2);
    const seeked = await heartbeat(learner, video, 200);
    expect(seeked).toEqual({ watchedSeconds: 4, positionSeconds: 200, completed: false });
    // Even after a long pause, one heartbeat credits at most the capped gap.
    tick(3600);
    await heartbeat(learner, video, 0);
    tick(3600);
    expect(await heartbeat(learner, video, 200)).toMatchObject({ watchedSeconds: 64, completed: false });
  });

  it('credits nothing while paused and completes once 90% has really been watched', async () => {
    const learner = await enrolled();
    await heartbeat(learner, video, 0);
    tick(10);
    expect(await heartbeat(learner, video, 0)).toMatchObject({ watchedSeconds: 0 });
    expect(await watch(learner, video, 0, 170)).toMatchObject({ watchedSeconds: 170, completed: false });
    expect(await watch(learner, video, 170, 180)).toMatchObject({ watchedSeconds: 180, completed: true });
    const events = await learning.prisma.learningOutboxEvent.findMany({
      where: { topic: LearningTopics.lessonCompleted },
    });
    expect(events.filter((e) => (e.payload as { userId: string }).userId === learner.userId)).toHaveLength(1);
  });

  it('refuses heartbeats from learners who are not enrolled, and positions past the lesson', async () => {
    const stranger = viewer('LEARNER');
    expect(codeOf(await learning.run(HEARTBEAT, { l: video.id, p: 0 }, stranger))).toBe('FORBIDDEN');
    expect(codeOf(await learning.run(HEARTBEAT, { l: video.id, p: 0 }))).toBe('UNAUTHENTICATED');
    const learner = await enrolled();
    expect(
      codeOf(await learning.run(HEARTBEAT, { l: reading.id, p: reading.durationSeconds + 1 }, learner)),
    ).toBe('BAD_USER_INPUT');
    expect(codeOf(await learning.run(HEARTBEAT, { l: video.id, p: 201 }, learner))).toBe('BAD_USER_INPUT');
    expect(codeOf(await learning.run(COMPLETE, { l: video.id }, learner))).toBe('BAD_USER_INPUT');
  });
});

describe('course progress, drip release and the certificate', () => {
  it('counts required lessons only, opens dripped lessons on their day, then completes and certifies', async () => {
    const learner = await enrolled();
    expect(await enrollmentsOf(learner)).toEqual([
      expect.objectContaining({
        progress: 0,
        completedLessonCount: 0,
        requiredLessonCount: 3,
        certificate: null,
      }),
    ]);
    await watch(learner, video, 0, 200);
    await learning.run(COMPLETE, { l: optional.id }, learner);
    expect(await enrollmentsOf(learner)).toEqual([
      expect.objectContaining({ progress: 1 / 3, completedLessonCount: 1 }),
    ]);
    expect((await learning.run(COMPLETE, { l: reading.id }, learner)).errors).toBeUndefined();

    const locked = await learning.run<{
      course: { modules: { lessons: { access: unknown; body: string | null }[] }[] };
    }>(
      `query($id: ID!) { course(id: $id) { modules { lessons { access { open reason unlocksAt } body } } } }`,
      { id: course.id },
      learner,
    );
    const enrollment = await learning.prisma.enrollment.findFirstOrThrow({
      where: { userId: learner.userId },
    });
    expect(locked.data!.course.modules[0]!.lessons[3]).toEqual({
      access: {
        open: false,
        reason: 'NOT_YET_RELEASED',
        unlocksAt: new Date(enrollment.activatedAt.getTime() + 7 * 86_400_000).toISOString(),
      },
      body: null,
    });
    const early = await learning.run(COMPLETE, { l: dripped.id }, learner);
    expect(codeOf(early)).toBe('FORBIDDEN');
    expect(early.errors![0]!.extensions).toMatchObject({ reason: 'NOT_YET_RELEASED' });

    tick(8 * 86_400);
    expect((await learning.run(COMPLETE, { l: dripped.id }, learner)).errors).toBeUndefined();
    const [done] = await enrollmentsOf(learner);
    expect(done).toMatchObject({ status: 'COMPLETED', progress: 1, certificate: { status: 'VALID' } });

    const code = (done!.certificate as { code: string }).code;
    const anonymous = await learning.run(
      'query($c: String!) { verifyCertificate(code: $c) { valid status courseTitle holder { id } } }',
      { c: code.toLowerCase() },
    );
    expect(anonymous.data).toEqual({
      verifyCertificate: {
        valid: true,
        status: 'VALID',
        courseTitle: 'Free course',
        holder: { id: learner.userId },
      },
    });
    const outbox = await learning.prisma.learningOutboxEvent.findMany({ orderBy: { sequence: 'asc' } });
    const mine = outbox
      .filter((e) => (e.payload as { userId: string }).userId === learner.userId)
      .map((e) => e.type);
    expect(mine).toEqual([
      'EnrollmentCreated',
      'LessonCompleted',
      'LessonCompleted',
      'LessonCompleted',
      'LessonCompleted',
      'CourseCompleted',
      'CertificateIssued',
    ]);
  });

  it('answers an unknown code as invalid', async () => {
    const result = await learning.run(
      '{ verifyCertificate(code: "TS-NOPE-NOPE-NOPE") { valid status holder { id } } }',
    );
    expect(result.data).toEqual({ verifyCertificate: { valid: false, status: null, holder: null } });
  });
});
