import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../platform/events/envelope';
import { createCourseAccessConsumer } from '../../subgraphs/learning/events';
import { LearningTopics, PaymentTopics, type PaymentCapturedPayload } from '../../platform/events/topics';
import { type Stack } from '../../gateway/stack';
import { courseIds, demoUserIds } from '../../prisma/seed/data';
import { createSeededTestDatabase, type TestDatabase } from '../support/database';
import {
  createTestKafkaBus,
  eventually,
  testKafkaNamespace,
  testGatewaySecret,
  testLogger,
} from '../support/env';
import { expectData, loginHeaders, postGraphQL } from '../support/graphqlClient';
import { startTestStack } from '../support/testStack';

// Learning through the gateway against the real PostgreSQL and Kafka: billing's payment events
// arrive over Kafka, learning's own events leave through its outbox.
describe('learning end to end', () => {
  let db: TestDatabase;
  let stack: Stack;
  let url: string;
  const stops: (() => Promise<void>)[] = [];
  const kafkaNamespace = testKafkaNamespace();

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    stack = await startTestStack(db, 'e2e-learning', {
      bus: createTestKafkaBus('e2e-learning', kafkaNamespace),
    });
    url = stack.gatewayUrl;
  }, 120_000);

  afterAll(async () => {
    for (const stop of stops) await stop();
    await stack?.stop();
    await stack?.infra.bus.stop();
    await db?.drop();
  });

  const login = (email: string) => loginHeaders(url, email);

  it('serves the catalog anonymously with filters, facets, slugs and the ₹24,000–₹8,00,000 price band', async () => {
    const data = await expectData<{
      courses: { totalCount: number; facets: { categories: { value: string; count: number }[] } };
      byPrice: { edges: { node: { price: { amount: string } } }[] };
      courseBySlug: { title: string; status: string; instructor: { name: string }; tags: string[] };
    }>(
      url,
      `{ courses(filter: { category: "technical-analysis" }) { totalCount facets { categories { value count } } }
         byPrice: courses(first: 10, orderBy: PRICE_ASC) { edges { node { price { amount } } } }
         courseBySlug(slug: "options-trading-on-nse") { title status instructor { name } tags } }`,
    );
    expect(data.courses.totalCount).toBe(2);
    expect(data.courses.facets.categories).toEqual([
      { value: 'technical-analysis', count: 2 },
      { value: 'crypto', count: 1 },
      { value: 'derivatives', count: 1 },
    ]);
    expect(data.byPrice.edges.map((e) => e.node.price.amount)).toEqual([
      '0.00',
      '24000.00',
      '99000.00',
      '800000.00',
    ]);
    expect(data.courseBySlug).toEqual({
      title: 'Options Trading on NSE',
      status: 'PUBLISHED',
      instructor: { name: 'Vikram Nair' },
      tags: ['options', 'nse', 'greeks', 'banknifty'],
    });
  });

  it('enrols once from a captured payment delivered twice over Kafka, and revokes access on its refund', async () => {
    // A new account: events about the fixed demo ids from earlier runs stay on the shared broker.
    const registered = await expectData<{ register: { accessToken: string; user: { id: string } } }>(
      url,
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`,
      { input: { email: `buyer-${randomUUID()}@example.test`, password: 'Correct-Horse-42', name: 'Buyer' } },
    );
    const buyerId = registered.register.user.id;
    const headers = { authorization: `Bearer ${registered.register.accessToken}` };
    const capture: EventEnvelope<PaymentCapturedPayload> = {
      id: randomUUID(),
      topic: PaymentTopics.paymentCaptured,
      key: buyerId,
      type: 'PaymentCaptured',
      payload: {
        paymentId: `pay_${randomUUID()}`,
        orderId: `order_${randomUUID()}`,
        userId: buyerId,
        purpose: 'COURSE',
        courseId: courseIds.cryptoRisk,
        planId: null,
        amountMinor: '9900000',
        currency: 'INR',
      },
      correlationId: 'e2e-learning-payment',
      occurredAt: new Date().toISOString(),
    };
    // The stack's consumer group (learning.course-access) is shared by every stack on this broker,
    // so another test run may take the partition; a group of this test's own, with the stack's
    // database and the same consumer code, makes sure this database sees the events.
    const own = createCourseAccessConsumer(
      { infra: stack.infra, logger: testLogger, gatewaySecret: testGatewaySecret },
      `learning.course-access.e2e-${randomUUID()}`,
    );
    await own.start();
    stops.push(() => own.stop());
    await stack.infra.bus.publish([capture]);
    await stack.infra.bus.publish([capture]);
    const ME = `{ me { enrollments { status source progress course { id title } } } }`;
    type Me = { me: { enrollments: { status: string; source: string; course: { id: string } }[] } };
    const crypto = async (status: string) => {
      const data = await expectData<Me>(url, ME, {}, headers);
      return data.me.enrollments.find((e) => e.course.id === courseIds.cryptoRisk && e.status === status);
    };
    expect(await eventually(() => crypto('ACTIVE'), 30_000, 'paid enrolment')).toMatchObject({
      source: 'PURCHASE',
    });
    expect(await db.prisma.enrollment.count({ where: { userId: buyerId } })).toBe(1);

    await stack.infra.bus.publish([
      {
        ...capture,
        id: randomUUID(),
        topic: PaymentTopics.paymentRefunded,
        type: 'PaymentRefunded',
        payload: { ...capture.payload, refundId: `rfnd_${randomUUID()}`, full: true },
      },
    ]);
    await eventually(() => crypto('CANCELLED'), 30_000, 'revoked enrolment');
    const lessons = await expectData<{
      course: { modules: { lessons: { access: { open: boolean; reason: string } }[] }[] };
    }>(
      url,
      `query($id: ID!) { course(id: $id) { modules { lessons { access { open reason } } } } }`,
      { id: courseIds.cryptoRisk },
      headers,
    );
    expect(lessons.course.modules[1]!.lessons[0]!.access).toEqual({
      open: false,
      reason: 'ENROLLMENT_REQUIRED',
    });
  });

  it('does not complete a video lesson when the learner seeks to the end', async () => {
    const headers = await login('premium@demo.test');
    const first = await db.prisma.lesson.findFirstOrThrow({
      where: { module: { courseId: courseIds.candlesticks, position: 1 }, position: 1 },
    });
    const HEARTBEAT = `mutation($l: ID!, $p: Int!) { recordLessonHeartbeat(lessonId: $l, positionSeconds: $p) { watchedSeconds completed } }`;
    await expectData(url, HEARTBEAT, { l: first.id, p: 0 }, headers);
    const seeked = await expectData<{
      recordLessonHeartbeat: { watchedSeconds: number; completed: boolean };
    }>(url, HEARTBEAT, { l: first.id, p: first.durationSeconds }, headers);
    expect(seeked.recordLessonHeartbeat.completed).toBe(false);
    expect(seeked.recordLessonHeartbeat.watchedSeconds).toBeLessThanOrEqual(4);
    const me = await expectData<{ me: { enrollments: { progress: number; course: { id: string } }[] } }>(
      url,
      `{ me { enrollments { progress course { id } } } }`,
      {},
      headers,
    );
    expect(me.me.enrollments.find((e) => e.course.id === courseIds.candlesticks)?.progress).toBe(0);
  });

  it('never lets quiz answers reach the learner before submission', async () => {
    const headers = await login('premium@demo.test');
    const quiz = await db.prisma.assessment.findFirstOrThrow({
      where: { lesson: { module: { courseId: courseIds.candlesticks } } },
    });
    const probe = await postGraphQL(
      url,
      `mutation($a: ID!) { startAssessmentAttempt(assessmentId: $a) { questions { choices { id correct } } } }`,
      { a: quiz.id },
      headers,
    );
    expect(probe.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const authored = await postGraphQL(
      url,
      `query($id: ID!) { course(id: $id) { modules { lessons { assessment { authoredQuestions { choices { correct } } } } } } }`,
      { id: courseIds.candlesticks },
      headers,
    );
    expect(authored.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const started = await expectData<{ startAssessmentAttempt: { id: string; questions: { id: string }[] } }>(
      url,
      `mutation($a: ID!) { startAssessmentAttempt(assessmentId: $a) { id questions { id kind prompt choices { id label } } } }`,
      { a: quiz.id },
      headers,
    );
    expect(started.startAssessmentAttempt.questions).toHaveLength(3);
    const submitted = await expectData<{
      submitAssessmentAttempt: {
        result: { passed: boolean; review: { correctChoiceIds: string[] | null }[] };
      };
    }>(
      url,
      `mutation($t: ID!) { submitAssessmentAttempt(attemptId: $t, answers: []) { result { passed review { correctChoiceIds } } } }`,
      { t: started.startAssessmentAttempt.id },
      headers,
    );
    expect(submitted.submitAssessmentAttempt.result.passed).toBe(false);
    expect(submitted.submitAssessmentAttempt.result.review.every((r) => r.correctChoiceIds === null)).toBe(
      true,
    );
  });

  it('an instructor publishes a course, a learner completes it, and anyone verifies the certificate', async () => {
    const received: EventEnvelope[] = [];
    const listener = createTestKafkaBus('e2e-learning-listener', kafkaNamespace);
    await listener.start();
    await listener.subscribe({
      groupId: `e2e-learning-${randomUUID()}`,
      topics: [LearningTopics.certificateIssued],
      handler: async (event) => void received.push(event),
    });
    try {
      const instructor = await login('instructor@demo.test');
      const slug = `pivot-points-${Date.now()}`;
      const created = await expectData<{ createCourse: { id: string } }>(
        url,
        `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
        {
          input: {
            title: 'Pivot Points',
            slug,
            summary: 'Daily pivots',
            description: 'Pivots in one reading',
            category: 'technical-analysis',
            level: 'BEGINNER',
            price: '0',
          },
        },
        instructor,
      );
      const courseId = created.createCourse.id;
      const module = await expectData<{ addModule: { id: string } }>(
        url,
        `mutation($c: ID!) { addModule(courseId: $c, title: "Pivots") { id } }`,
        { c: courseId },
        instructor,
      );
      const lesson = await expectData<{ addLesson: { id: string } }>(
        url,
        `mutation($m: ID!) { addLesson(moduleId: $m, input: { title: "Reading", kind: TEXT, durationSeconds: 300, body: "R1 = 2P - L" }) { id } }`,
        { m: module.addModule.id },
        instructor,
      );
      await expectData(
        url,
        `mutation($id: ID!) { publishCourse(id: $id) { status } }`,
        { id: courseId },
        instructor,
      );

      const learner = await login('free@demo.test');
      await expectData(url, `mutation($id: ID!) { enroll(courseId: $id) { id } }`, { id: courseId }, learner);
      await expectData(
        url,
        `mutation($l: ID!) { completeLesson(lessonId: $l) { completed } }`,
        { l: lesson.addLesson.id },
        learner,
      );
      const mine = await expectData<{ me: { certificates: { code: string; course: { id: string } }[] } }>(
        url,
        `{ me { certificates { code course { id } } } }`,
        {},
        learner,
      );
      const code = mine.me.certificates.find((c) => c.course.id === courseId)!.code;

      const verified = await expectData<{ verifyCertificate: unknown }>(
        url,
        `query($c: String!) { verifyCertificate(code: $c) { valid status courseTitle holder { name } } }`,
        { c: code },
      );
      expect(verified.verifyCertificate).toEqual({
        valid: true,
        status: 'VALID',
        courseTitle: 'Pivot Points',
        holder: { name: 'Rohan Mehta' },
      });

      const analytics = await expectData<{ courseAnalytics: unknown }>(
        url,
        `query($id: ID!) { courseAnalytics(courseId: $id) { enrollments completedEnrollments completionRate averageProgress } }`,
        { id: courseId },
        instructor,
      );
      expect(analytics.courseAnalytics).toEqual({
        enrollments: 1,
        completedEnrollments: 1,
        completionRate: 1,
        averageProgress: 1,
      });
      const forbidden = await postGraphQL(
        url,
        `query($id: ID!) { courseAnalytics(courseId: $id) { enrollments } }`,
        { id: courseId },
        learner,
      );
      expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      const event = await eventually(
        async () => received.find((e) => (e.payload as { code?: string }).code === code),
        30_000,
        'CertificateIssued on Kafka',
      );
      expect(event).toMatchObject({
        type: 'CertificateIssued',
        key: courseId,
        payload: { userId: demoUserIds.free, courseId },
      });
    } finally {
      await listener.stop();
    }
  }, 90_000);
});
