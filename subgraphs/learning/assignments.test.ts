import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../platform/auth/viewer';
import type { Lesson } from '../../platform/prisma/generated/client';
import { codeOf, startLearning, viewer, type Data, type LearningHarness } from './testHarness';

// Assignment lessons (submit, grade, complete), reading time on text lessons and typo-tolerant search.
let learning: LearningHarness;
let clock = Date.parse('2026-03-01T09:00:00Z');
const instructor = viewer('INSTRUCTOR');
let courseId: string;
let assignment: Lesson;
let reading: Lesson;

async function ok<T = Data>(query: string, variables: Data, as: Viewer | null): Promise<T> {
  const result = await learning.run<T>(query, variables, as);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

const SUBMIT = `mutation($l: ID!, $input: AssignmentSubmissionInput!) { submitAssignment(lessonId: $l, input: $input) {
  id text url score passed learner { id } } }`;
const GRADE = `mutation($id: ID!, $input: AssignmentGradeInput!) { gradeAssignment(submissionId: $id, input: $input) {
  id score feedback passed } }`;
const PROGRESS = `query($id: ID!) { course(id: $id) { viewerEnrollment { status progress }
  modules { lessons { title passingScore viewerProgress { completed timeSpentSeconds } viewerSubmission { score } } } } }`;

async function enrolled(): Promise<Viewer> {
  const learner = viewer('LEARNER');
  await ok('mutation($id: ID!) { enroll(courseId: $id) { id } }', { id: courseId }, learner);
  return learner;
}

beforeAll(async () => {
  learning = await startLearning({ now: () => new Date(clock) });
  const course = await learning.prisma.course.create({
    data: {
      slug: 'bollinger-bands-masterclass',
      title: 'Bollinger Bands Masterclass',
      summary: 'Volatility envelopes',
      level: 'INTERMEDIATE',
      instructorId: instructor.userId,
      priceMinor: 0n,
    },
  });
  courseId = course.id;
  const module = await learning.prisma.module.create({ data: { courseId, title: 'M', position: 1 } });
  reading = await learning.prisma.lesson.create({
    data: { moduleId: module.id, title: 'Read', position: 1, kind: 'TEXT', durationSeconds: 45, body: 'b' },
  });
  assignment = await learning.prisma.lesson.create({
    data: {
      moduleId: module.id,
      title: 'Chart a squeeze',
      position: 2,
      kind: 'ASSIGNMENT',
      durationSeconds: 600,
      body: 'Find a squeeze on NIFTY',
      passingScore: 60,
      required: true,
    },
  });
}, 60_000);

afterAll(async () => {
  await learning?.stop();
});

describe('assignment lessons', () => {
  it('takes text and/or an https URL from enrolled learners only', async () => {
    const learner = await enrolled();
    expect(codeOf(await learning.run(SUBMIT, { l: assignment.id, input: { text: 'x' } }, viewer()))).toBe(
      'FORBIDDEN',
    );
    for (const input of [{}, { text: '  ' }, { url: 'http://example.com/x' }, { url: 'not a url' }]) {
      expect(codeOf(await learning.run(SUBMIT, { l: assignment.id, input }, learner))).toBe('BAD_USER_INPUT');
    }
    expect(codeOf(await learning.run(SUBMIT, { l: reading.id, input: { text: 'x' } }, learner))).toBe(
      'BAD_USER_INPUT',
    );
    const first = await ok<{ submitAssignment: Data }>(
      SUBMIT,
      { l: assignment.id, input: { text: 'v1' } },
      learner,
    );
    const second = await ok<{ submitAssignment: Data }>(
      SUBMIT,
      { l: assignment.id, input: { text: 'v2', url: 'https://example.com/chart' } },
      learner,
    );
    expect(second.submitAssignment).toEqual({
      id: first.submitAssignment.id,
      text: 'v2',
      url: 'https://example.com/chart',
      score: null,
      passed: null,
      learner: { id: learner.userId },
    });
    expect(
      codeOf(
        await learning.run(
          'mutation($l: ID!) { completeLesson(lessonId: $l) { completed } }',
          { l: assignment.id },
          learner,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('is graded by the course instructor only; a failing grade leaves the lesson open to resubmission', async () => {
    const learner = await enrolled();
    const { submitAssignment } = await ok<{ submitAssignment: { id: string } }>(
      SUBMIT,
      { l: assignment.id, input: { text: 'attempt' } },
      learner,
    );
    const grade = (score: number, as: Viewer) =>
      learning.run<{ gradeAssignment: Data }>(
        GRADE,
        { id: submitAssignment.id, input: { score, feedback: 'ok' } },
        as,
      );
    expect(codeOf(await grade(90, viewer('INSTRUCTOR')))).toBe('FORBIDDEN');
    expect(codeOf(await grade(90, learner))).toBe('FORBIDDEN');
    expect(codeOf(await grade(101, instructor))).toBe('BAD_USER_INPUT');
    expect(codeOf(await learning.run(GRADE, { id: randomUUID(), input: { score: 1 } }, instructor))).toBe(
      'NOT_FOUND',
    );
    expect((await grade(40, instructor)).data?.gradeAssignment).toMatchObject({ score: 40, passed: false });
    const queue = await ok<{ assignmentSubmissions: { id: string }[] }>(
      'query($l: ID!) { assignmentSubmissions(lessonId: $l, ungradedOnly: true) { id } }',
      { l: assignment.id },
      instructor,
    );
    expect(queue.assignmentSubmissions.map((s) => s.id)).not.toContain(submitAssignment.id);
    let progress = await ok<{ course: { modules: { lessons: Data[] }[] } }>(
      PROGRESS,
      { id: courseId },
      learner,
    );
    expect(progress.course.modules[0]!.lessons[1]).toMatchObject({
      passingScore: 60,
      viewerSubmission: { score: 40 },
      viewerProgress: { completed: false },
    });
    await ok(SUBMIT, { l: assignment.id, input: { text: 'better' } }, learner);
    expect((await grade(75, instructor)).data?.gradeAssignment).toMatchObject({ score: 75, passed: true });
    progress = await ok(PROGRESS, { id: courseId }, learner);
    expect(progress.course.modules[0]!.lessons[1]).toMatchObject({ viewerProgress: { completed: true } });
    expect(codeOf(await learning.run(SUBMIT, { l: assignment.id, input: { text: 'again' } }, learner))).toBe(
      'CONFLICT',
    );
  });
});

describe('reading time on text lessons', () => {
  it('credits wall-clock time between heartbeats, bounded by the gap and the reading time', async () => {
    const learner = await enrolled();
    const beat = async (seconds: number) => {
      clock += seconds * 1000;
      return ok<{ recordLessonHeartbeat: { timeSpentSeconds: number; completed: boolean } }>(
        'mutation($l: ID!) { recordLessonHeartbeat(lessonId: $l, positionSeconds: 0) { timeSpentSeconds completed } }',
        { l: reading.id },
        learner,
      );
    };
    expect((await beat(0)).recordLessonHeartbeat.timeSpentSeconds).toBe(0);
    expect((await beat(10)).recordLessonHeartbeat.timeSpentSeconds).toBe(10);
    // A tab left open for an hour earns one gap (30 s) at most.
    expect((await beat(3_600)).recordLessonHeartbeat.timeSpentSeconds).toBe(40);
    // Never more than the lesson's 45 s reading time, and reading alone does not complete it.
    expect((await beat(10)).recordLessonHeartbeat).toEqual({ timeSpentSeconds: 45, completed: false });
  });
});

describe('catalog text search', () => {
  const SEARCH =
    'query($t: String!) { courses(filter: { text: $t }) { totalCount edges { node { slug } } } }';
  beforeAll(async () => {
    await learning.prisma.course.update({ where: { id: courseId }, data: { status: 'PUBLISHED' } });
  });

  it('forgives typos in the title and still finds substrings', async () => {
    for (const text of ['bolinger', 'Bollinger', 'bollnger bands', 'masterclas', 'envelopes']) {
      const found = await ok<{ courses: { totalCount: number; edges: { node: { slug: string } }[] } }>(
        SEARCH,
        { t: text },
        null,
      );
      expect([text, found.courses.edges.map((e) => e.node.slug)]).toEqual([
        text,
        ['bollinger-bands-masterclass'],
      ]);
    }
    const none = await ok<{ courses: { totalCount: number } }>(SEARCH, { t: 'ichimoku' }, null);
    expect(none.courses.totalCount).toBe(0);
  });
});
