import { randomUUID } from 'node:crypto';
import { codeOf, startLearning, viewer, type LearningHarness } from './testHarness';

let learning: LearningHarness;
const instructor = viewer('INSTRUCTOR');
let courseId: string;
const ANALYTICS = `query($id: ID!) { courseAnalytics(courseId: $id) { courseId course { id } enrollments activeEnrollments
  completedEnrollments cancelledEnrollments completionRate averageProgress } }`;

beforeAll(async () => {
  learning = await startLearning();
  const course = await learning.prisma.course.create({
    data: {
      slug: 'c',
      title: 'C',
      summary: 's',
      level: 'BEGINNER',
      instructorId: instructor.userId,
      priceMinor: 0n,
    },
  });
  courseId = course.id;
  const module = await learning.prisma.module.create({ data: { courseId, title: 'M', position: 1 } });
  const lessons = await Promise.all(
    [1, 2, 3, 4].map((position) =>
      learning.prisma.lesson.create({
        data: {
          moduleId: module.id,
          title: `L${position}`,
          position,
          kind: 'TEXT',
          durationSeconds: 60,
          body: 'b',
          required: position < 4,
        },
      }),
    ),
  );
  // Four learners: one finished, one a third of the way, one not started, one refunded (left out).
  const learners = [viewer('LEARNER'), viewer('LEARNER'), viewer('LEARNER'), viewer('LEARNER')];
  for (const learner of learners)
    await learning.run('mutation($id: ID!) { enroll(courseId: $id) { id } }', { id: courseId }, learner);
  const complete = async (learnerIndex: number, lessonIndex: number) => {
    const result = await learning.run(
      'mutation($l: ID!) { completeLesson(lessonId: $l) { completed } }',
      { l: lessons[lessonIndex]!.id },
      learners[learnerIndex]!,
    );
    expect(result.errors).toBeUndefined();
  };
  for (const lesson of [0, 1, 2]) await complete(0, lesson);
  await complete(1, 0);
  await complete(1, 3); // optional: does not count
  await learning.prisma.enrollment.updateMany({
    where: { userId: learners[3]!.userId },
    data: { status: 'CANCELLED' },
  });
});

afterAll(async () => {
  await learning?.stop();
});

describe('course analytics', () => {
  it('gives the instructor enrolments, completion rate and average progress', async () => {
    const result = await learning.run(ANALYTICS, { id: courseId }, instructor);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      courseAnalytics: {
        courseId,
        course: { id: courseId },
        enrollments: 4,
        activeEnrollments: 2,
        completedEnrollments: 1,
        cancelledEnrollments: 1,
        completionRate: 1 / 3,
        averageProgress: expect.closeTo((1 + 1 / 3 + 0) / 3, 10),
      },
    });
  });

  it('is for the instructor and admins only, through the entity too', async () => {
    expect(codeOf(await learning.run(ANALYTICS, { id: courseId }, viewer('INSTRUCTOR')))).toBe('FORBIDDEN');
    expect(codeOf(await learning.run(ANALYTICS, { id: courseId }, null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await learning.run(ANALYTICS, { id: randomUUID() }, instructor))).toBe('NOT_FOUND');
    const entity =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on CourseAnalytics { enrollments } } }';
    const r = [{ __typename: 'CourseAnalytics', courseId }];
    expect((await learning.run(entity, { r }, viewer('ADMIN'))).data).toEqual({
      _entities: [{ enrollments: 4 }],
    });
    expect(codeOf(await learning.run(entity, { r }, viewer('LEARNER')))).toBe('FORBIDDEN');
  });
});
