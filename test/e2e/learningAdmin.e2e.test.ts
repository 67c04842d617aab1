import { randomBytes } from 'node:crypto';
import { type Stack } from '../../gateway/stack';
import type { EventEnvelope } from '../../platform/events/envelope';
import { LearningTopics, type CourseChangedPayload } from '../../platform/events/topics';
import { DEMO_PASSWORD } from '../../prisma/seed/data';
import { createSeededTestDatabase, type TestDatabase } from '../support/database';
import { eventually } from '../support/env';
import { startTestStack } from '../support/testStack';
import { expectData, postGraphQL } from '../support/graphqlClient';

// learning.course.changed reaching Kafka from instructors' edits made through the gateway, and
// learningAnalytics through the gateway (the figures themselves: subgraphs/learning/learningAnalytics.test.ts).
describe('learning authoring events and admin analytics end to end', () => {
  let db: TestDatabase;
  let stack: Stack;
  let url: string;
  const tokens: Record<string, string> = {};
  const changes: EventEnvelope<CourseChangedPayload>[] = [];
  let stopListening: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    stack = await startTestStack(db, 'learning-admin-e2e', {
      identity: {
        settings: { LOCKOUT_IP_THRESHOLD: 1_000 },
        lockoutNamespace: `learning-admin-e2e-${randomBytes(4).toString('hex')}:`,
      },
    });
    url = stack.gatewayUrl;
    // Stands in for the gateway's catalog cache: one consumer group of its own on the same topic.
    const subscription = await stack.infra.bus.subscribe({
      groupId: 'learning-admin-e2e-cache',
      topics: [LearningTopics.courseChanged],
      handler: async (event) => {
        changes.push(event as EventEnvelope<CourseChangedPayload>);
      },
    });
    stopListening = () => subscription.stop();
    for (const who of ['admin', 'instructor', 'analyst']) {
      const { login } = await expectData<{ login: { accessToken: string } }>(
        url,
        'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
        { i: { email: `${who}@demo.test`, password: DEMO_PASSWORD } },
      );
      tokens[who] = login.accessToken;
    }
  }, 120_000);

  afterAll(async () => {
    await stopListening?.();
    await stack?.stop();
    await stack?.infra.bus.stop();
    await db?.drop();
  });

  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const run = <T>(who: string, query: string, variables: Record<string, unknown> = {}) =>
    expectData<T>(url, query, variables, as(who));

  it('publishes learning.course.changed to Kafka for each create, edit, publish, reorder and delete', async () => {
    const { createCourse } = await run<{ createCourse: { id: string } }>(
      'instructor',
      `mutation { createCourse(input: { title: "Renko Charts", slug: "renko-charts", summary: "Bricks",
        description: "Price bricks that ignore time.",
        category: "technical-analysis", level: BEGINNER, price: "0" }) { id } }`,
    );
    const courseId = createCourse.id;
    const modules: string[] = [];
    for (const title of ['Basics', 'Practice']) {
      const { addModule } = await run<{ addModule: { id: string } }>(
        'instructor',
        'mutation($c: ID!, $t: String!) { addModule(courseId: $c, title: $t) { id } }',
        { c: courseId, t: title },
      );
      modules.push(addModule.id);
      await run(
        'instructor',
        `mutation($m: ID!) { addLesson(moduleId: $m, input: { title: "Read", kind: TEXT,
        durationSeconds: 120, body: "Bricks ignore time." }) { id } }`,
        { m: addModule.id },
      );
    }
    await run('instructor', 'mutation($id: ID!) { publishCourse(id: $id) { status } }', { id: courseId });
    await run(
      'instructor',
      'mutation($c: ID!, $ids: [ID!]!) { reorderModules(courseId: $c, moduleIds: $ids) { id } }',
      {
        c: courseId,
        ids: [...modules].reverse(),
      },
    );
    await run('instructor', 'mutation($id: ID!) { deleteModule(id: $id) { id } }', { id: modules[0] });
    await run('admin', 'mutation($id: ID!) { archiveCourse(id: $id) { status } }', { id: courseId });

    const mine = () => changes.filter((event) => event.key === courseId);
    await eventually(async () => (mine().length >= 9 ? true : undefined), 20_000, 'course.changed events');
    expect(mine().map((event) => [event.type, event.payload.change, event.payload.status])).toEqual([
      ['CourseChanged', 'CREATED', 'DRAFT'],
      ...Array<[string, string, string]>(4).fill(['CourseChanged', 'CONTENT_CHANGED', 'DRAFT']),
      ['CourseChanged', 'PUBLISHED', 'PUBLISHED'],
      ['CourseChanged', 'CONTENT_CHANGED', 'PUBLISHED'],
      ['CourseChanged', 'CONTENT_CHANGED', 'PUBLISHED'],
      ['CourseChanged', 'ARCHIVED', 'ARCHIVED'],
    ]);
    expect(new Set(mine().map((event) => event.payload.slug))).toEqual(new Set(['renko-charts']));
  });

  it('serves learningAnalytics to ADMIN only', async () => {
    const QUERY = `query($from: DateTime!, $to: DateTime!) { learningAnalytics(from: $from, to: $to) {
      enrollmentsByDay { day count } completionRate averageProgress topCourses(first: 3) { course { slug } enrollments } } }`;
    const to = new Date(Date.now() + 86_400_000);
    const from = new Date(to.getTime() - 7 * 86_400_000);
    const vars = { from: from.toISOString(), to: to.toISOString() };
    const { learningAnalytics } = await run<{
      learningAnalytics: { enrollmentsByDay: { count: number }[]; topCourses: { enrollments: number }[] };
    }>('admin', QUERY, vars);
    // The seed's demo enrolments are made today, so the week has at least those (plus the seeded history).
    const total = learningAnalytics.enrollmentsByDay.reduce((sum, day) => sum + day.count, 0);
    expect(total).toBe(
      await db.prisma.enrollment.count({
        where: { createdAt: { gte: from, lt: to }, status: { not: 'CANCELLED' } },
      }),
    );
    expect(total).toBeGreaterThan(0);
    for (const who of ['instructor', 'analyst']) {
      const refused = await postGraphQL(url, QUERY, vars, as(who));
      expect([who, refused.errors?.[0]?.extensions?.code]).toEqual([who, 'FORBIDDEN']);
    }
  });
});
