import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../platform/auth/viewer';
import { codeOf, startLearning, viewer, type Data, type LearningHarness } from './testHarness';

let learning: LearningHarness;
let clock = Date.now();
const instructor = viewer('INSTRUCTOR');
let courseId: string;
let quizLessonId: string;
let assessmentId: string;

interface Attempt {
  id: string;
  status: string;
  deadlineAt: string | null;
  questions: { id: string; kind: string; choices: { id: string; label: string }[] }[];
  result: {
    scorePercent: number;
    passed: boolean;
    review: {
      questionId: string;
      correct: boolean;
      correctChoiceIds: string[] | null;
      correctNumber: string | null;
    }[];
  } | null;
}
const ATTEMPT = `id status deadlineAt questions { id kind choices { id label } }
  result { scorePercent passed review { questionId correct correctChoiceIds correctNumber } }`;
const START = `mutation($a: ID!) { startAssessmentAttempt(assessmentId: $a) { ${ATTEMPT} } }`;
const SUBMIT = `mutation($t: ID!, $answers: [AnswerInput!]!) { submitAssessmentAttempt(attemptId: $t, answers: $answers) { ${ATTEMPT} } }`;

async function ok<T>(query: string, variables: Data, as: Viewer | null): Promise<T> {
  const result = await learning.run<T>(query, variables, as);
  expect(result.errors).toBeUndefined();
  return result.data!;
}
const start = async (as: Viewer) =>
  (await ok<{ startAssessmentAttempt: Attempt }>(START, { a: assessmentId }, as)).startAssessmentAttempt;
const submit = async (as: Viewer, attempt: Attempt, answers: Data[]) =>
  (await ok<{ submitAssessmentAttempt: Attempt }>(SUBMIT, { t: attempt.id, answers }, as))
    .submitAssessmentAttempt;

/** Right answers by question position, using the ids the attempt showed (labels tell which is right). */
function answersFor(attempt: Attempt, right: boolean): Data[] {
  const [single, multiple, numeric] = attempt.questions;
  const pick = (q: typeof single, labels: string[]) =>
    q!.choices.filter((c) => labels.includes(c.label)).map((c) => c.id);
  return right
    ? [
        { questionId: single!.id, choiceIds: pick(single, ['Shooting star']) },
        { questionId: multiple!.id, choiceIds: pick(multiple, ['Morning star', 'Hammer']) },
        { questionId: numeric!.id, number: '8.04' },
      ]
    : [
        { questionId: single!.id, choiceIds: pick(single, ['Hammer']) },
        { questionId: multiple!.id, choiceIds: pick(multiple, ['Morning star']) },
        { questionId: numeric!.id, number: '8.2' },
      ];
}

async function enrolledLearner(): Promise<Viewer> {
  const learner = viewer('LEARNER');
  await ok('mutation($id: ID!) { enroll(courseId: $id) { id } }', { id: courseId }, learner);
  return learner;
}

beforeAll(async () => {
  learning = await startLearning({ now: () => new Date(clock) });
  const course = await learning.prisma.course.create({
    data: {
      slug: 'quiz',
      title: 'Quiz',
      summary: 's',
      level: 'BEGINNER',
      instructorId: instructor.userId,
      priceMinor: 0n,
    },
  });
  courseId = course.id;
  const module = await learning.prisma.module.create({ data: { courseId, title: 'M', position: 1 } });
  quizLessonId = (
    await learning.prisma.lesson.create({
      data: { moduleId: module.id, title: 'Quiz', position: 1, kind: 'QUIZ', durationSeconds: 300 },
    })
  ).id;
  const created = await ok<{ setLessonAssessment: { id: string } }>(
    `mutation($l: ID!, $input: AssessmentInput!) { setLessonAssessment(lessonId: $l, input: $input) { id } }`,
    {
      l: quizLessonId,
      input: {
        passingScorePercent: 70,
        maxAttempts: 2,
        timeLimitSeconds: 600,
        questions: [
          {
            kind: 'SINGLE_CHOICE',
            prompt: 'Which?',
            choices: [
              { label: 'Hammer', correct: false },
              { label: 'Shooting star', correct: true },
            ],
          },
          {
            kind: 'MULTIPLE_CHOICE',
            prompt: 'Bullish?',
            points: 2,
            choices: [
              { label: 'Morning star', correct: true },
              { label: 'Hammer', correct: true },
              { label: 'Evening star', correct: false },
            ],
          },
          { kind: 'NUMERIC', prompt: 'Upper wick?', correctNumber: '8', numericTolerance: '0.05' },
        ],
      },
    },
    instructor,
  );
  assessmentId = created.setLessonAssessment.id;
});

afterAll(async () => {
  await learning?.stop();
});

describe('answers stay on the server until submission', () => {
  it('has no field that could carry an answer on the types a learner gets', async () => {
    const fields = await ok<{ q: { fields: { name: string }[] }; c: { fields: { name: string }[] } }>(
      '{ q: __type(name: "Question") { fields { name } } c: __type(name: "Choice") { fields { name } } }',
      {},
      null,
    );
    expect(fields.q.fields.map((f) => f.name).sort()).toEqual([
      'choices',
      'id',
      'kind',
      'points',
      'position',
      'prompt',
    ]);
    expect(fields.c.fields.map((f) => f.name).sort()).toEqual(['id', 'label']);
    const learner = await enrolledLearner();
    const probe = await learning.run(
      'mutation($a: ID!) { startAssessmentAttempt(assessmentId: $a) { questions { choices { correct } } } }',
      { a: assessmentId },
      learner,
    );
    expect(codeOf(probe)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('lets only the instructor (and admins) read the authored answers', async () => {
    const query = `query($id: ID!) { course(id: $id) { modules { lessons { assessment {
      questionCount authoredQuestions { kind choices { label correct } correctNumber numericTolerance } } } } } }`;
    const learner = await enrolledLearner();
    expect(codeOf(await learning.run(query, { id: courseId }, learner))).toBe('FORBIDDEN');
    const authored = await ok<{ course: { modules: { lessons: { assessment: Data }[] }[] } }>(
      query,
      { id: courseId },
      instructor,
    );
    expect(authored.course.modules[0]!.lessons[0]!.assessment).toMatchObject({
      questionCount: 3,
      authoredQuestions: [
        {
          kind: 'SINGLE_CHOICE',
          choices: [
            { label: 'Hammer', correct: false },
            { label: 'Shooting star', correct: true },
          ],
        },
        expect.objectContaining({ kind: 'MULTIPLE_CHOICE' }),
        { kind: 'NUMERIC', choices: [], correctNumber: '8', numericTolerance: '0.05' },
      ],
    });
  });
});

describe('attempts', () => {
  it('grades on the server, hides the right answers while attempts remain, and completes the lesson on a pass', async () => {
    const learner = await enrolledLearner();
    const attempt = await start(learner);
    expect(attempt).toMatchObject({
      status: 'IN_PROGRESS',
      result: null,
      deadlineAt: new Date(clock + 600_000).toISOString(),
    });
    expect((await start(learner)).id).toBe(attempt.id); // resumes the open attempt
    const failed = await submit(learner, attempt, answersFor(attempt, false));
    expect(failed.result).toEqual({
      scorePercent: 0,
      passed: false,
      review: attempt.questions.map((q) => ({
        questionId: q.id,
        correct: false,
        correctChoiceIds: null,
        correctNumber: null,
      })),
    });
    expect(codeOf(await learning.run(SUBMIT, { t: attempt.id, answers: [] }, learner))).toBe('CONFLICT');

    const second = await start(learner);
    const passed = await submit(learner, second, answersFor(second, true));
    expect(passed.result).toMatchObject({ scorePercent: 100, passed: true });
    expect(passed.result!.review[2]).toMatchObject({ correct: true, correctNumber: '8' });
    expect(passed.result!.review[0]!.correctChoiceIds).toHaveLength(1);
    const progress = await learning.prisma.lessonProgress.findFirst({
      where: { userId: learner.userId, lessonId: quizLessonId },
    });
    expect(progress?.completedAt).toEqual(expect.any(Date));
    expect(codeOf(await learning.run(START, { a: assessmentId }, learner))).toBe('CONFLICT');
  });

  it('stops at the attempt limit and then reveals the answers', async () => {
    const learner = await enrolledLearner();
    await submit(learner, await start(learner), answersFor(await start(learner), false));
    const last = await submit(learner, await start(learner), []);
    expect(last.result!.review.map((r) => r.correctChoiceIds?.length ?? r.correctNumber)).toEqual([
      1,
      2,
      '8',
    ]);
    const refused = await learning.run(START, { a: assessmentId }, learner);
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.extensions).toMatchObject({ maxAttempts: 2 });
  });

  it('scores a submission after the time limit as expired', async () => {
    const learner = await enrolledLearner();
    const attempt = await start(learner);
    clock += 601_000 + 5_000;
    const late = await submit(learner, attempt, answersFor(attempt, true));
    expect(late).toMatchObject({ status: 'EXPIRED', result: { scorePercent: 0, passed: false } });
  });

  it('validates answers and keeps attempts private', async () => {
    const learner = await enrolledLearner();
    const attempt = await start(learner);
    const single = attempt.questions[0]!;
    const bad = [
      [{ questionId: randomUUID(), choiceIds: [] }],
      [{ questionId: single.id, choiceIds: single.choices.map((c) => c.id) }],
      [{ questionId: single.id, choiceIds: ['nope'] }],
      [{ questionId: attempt.questions[2]!.id, number: 'eight' }],
    ];
    for (const answers of bad) {
      expect(codeOf(await learning.run(SUBMIT, { t: attempt.id, answers }, learner))).toBe('BAD_USER_INPUT');
    }
    expect(codeOf(await learning.run(SUBMIT, { t: attempt.id, answers: [] }, viewer('LEARNER')))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await learning.run(START, { a: assessmentId }, viewer('LEARNER')))).toBe('FORBIDDEN');
  });

  it('freezes the questions once learners have attempted them', async () => {
    const result = await learning.run(
      `mutation($l: ID!, $input: AssessmentInput!) { setLessonAssessment(lessonId: $l, input: $input) { id } }`,
      {
        l: quizLessonId,
        input: { passingScorePercent: 50, questions: [{ kind: 'NUMERIC', prompt: 'x', correctNumber: '1' }] },
      },
      instructor,
    );
    expect(codeOf(result)).toBe('CONFLICT');
  });
});
