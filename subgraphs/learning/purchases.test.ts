import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../platform/events/envelope';
import {
  PaymentTopics,
  type PaymentCapturedPayload,
  type PaymentRefundedPayload,
} from '../../platform/events/topics';
import type { Course } from '../../platform/prisma/generated/client';
import { createTestKafkaBus, eventually, testLogger } from '../../test/support/env';
import { COURSE_ACCESS_CONSUMER, createCourseAccessConsumer, PaymentEventTypes } from './events';
import { startLearning, viewer, type LearningHarness } from './testHarness';
import { LearningTopics } from './topics';

let learning: LearningHarness;
let course: Course;
let lessonId: string;

function captured(
  userId: string,
  courseId: string,
  paymentId = `pay_${randomUUID()}`,
): EventEnvelope<PaymentCapturedPayload> {
  return {
    id: randomUUID(),
    topic: PaymentTopics.paymentCaptured,
    key: userId,
    type: PaymentEventTypes.captured,
    payload: {
      paymentId,
      orderId: `order_${randomUUID()}`,
      userId,
      purpose: 'COURSE',
      courseId,
      planId: null,
      amountMinor: '2400000',
      currency: 'INR',
    },
    correlationId: 'billing-correlation',
    occurredAt: new Date().toISOString(),
  };
}

function refunded(
  capture: EventEnvelope<PaymentCapturedPayload>,
  full = true,
): EventEnvelope<PaymentRefundedPayload> {
  return {
    ...capture,
    id: randomUUID(),
    topic: PaymentTopics.paymentRefunded,
    type: PaymentEventTypes.refunded,
    payload: { ...capture.payload, refundId: `rfnd_${randomUUID()}`, full },
  };
}

const consumer = () => learning.subgraph.consumers[0]!;
const enrollmentOf = (userId: string) =>
  learning.prisma.enrollment.findUnique({ where: { userId_courseId: { userId, courseId: course.id } } });
const outboxTypes = async (userId: string) =>
  (await learning.prisma.learningOutboxEvent.findMany({ orderBy: { sequence: 'asc' } }))
    .filter((row) => (row.payload as { userId?: string }).userId === userId)
    .map((row) => `${row.topic}:${row.type}`);

const ACCESS = `query($id: ID!) { course(id: $id) { viewerEnrollment { status source }
  modules { lessons { id access { open reason } } } } }`;

beforeAll(async () => {
  learning = await startLearning();
  course = await learning.prisma.course.create({
    data: {
      slug: 'paid',
      title: 'Paid',
      summary: 's',
      level: 'BEGINNER',
      instructorId: randomUUID(),
      priceMinor: 2_400_000n,
    },
  });
  const module = await learning.prisma.module.create({
    data: { courseId: course.id, title: 'M', position: 1 },
  });
  lessonId = (
    await learning.prisma.lesson.create({
      data: { moduleId: module.id, title: 'L', position: 1, durationSeconds: 60 },
    })
  ).id;
});

afterAll(async () => {
  await learning?.stop();
});

describe('paid enrolment from billing events', () => {
  it('enrols once when the captured payment is delivered twice', async () => {
    const buyer = viewer('LEARNER');
    const event = captured(buyer.userId, course.id);
    await consumer().handle(event);
    await consumer().handle(event);
    expect(await learning.prisma.enrollment.count({ where: { userId: buyer.userId } })).toBe(1);
    expect(await enrollmentOf(buyer.userId)).toMatchObject({
      status: 'ACTIVE',
      source: 'PURCHASE',
      paymentId: event.payload.paymentId,
    });
    expect(await outboxTypes(buyer.userId)).toEqual([
      `${LearningTopics.enrollmentCreated}:EnrollmentCreated`,
    ]);
    const access = await learning.run(ACCESS, { id: course.id }, buyer);
    expect(access.data).toEqual({
      course: {
        viewerEnrollment: { status: 'ACTIVE', source: 'PURCHASE' },
        modules: [{ lessons: [{ id: lessonId, access: { open: true, reason: null } }] }],
      },
    });
  });

  it('revokes access and the certificate on a full refund, announcing both', async () => {
    const buyer = viewer('LEARNER');
    const capture = captured(buyer.userId, course.id);
    await consumer().handle(capture);
    const enrollment = (await enrollmentOf(buyer.userId))!;
    await learning.prisma.enrollment.update({ where: { id: enrollment.id }, data: { status: 'COMPLETED' } });
    const certificate = await learning.prisma.certificate.create({
      data: {
        code: `TS-TEST-${Date.now()}`,
        enrollmentId: enrollment.id,
        userId: buyer.userId,
        courseId: course.id,
      },
    });
    const refund = refunded(capture);
    await consumer().handle(refund);
    await consumer().handle(refund);
    expect(await enrollmentOf(buyer.userId)).toMatchObject({
      status: 'CANCELLED',
      cancelledAt: expect.any(Date),
    });
    expect(
      (await learning.prisma.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).revokedReason,
    ).toBe('REFUNDED');
    expect(await outboxTypes(buyer.userId)).toEqual([
      `${LearningTopics.enrollmentCreated}:EnrollmentCreated`,
      `${LearningTopics.certificateRevoked}:CertificateRevoked`,
      `${LearningTopics.enrollmentCancelled}:EnrollmentCancelled`,
    ]);
    const access = await learning.run(ACCESS, { id: course.id }, buyer);
    expect(access.data).toMatchObject({
      course: { modules: [{ lessons: [{ access: { open: false, reason: 'ENROLLMENT_REQUIRED' } }] }] },
    });
    const verified = await learning.run(
      'query($c: String!) { verifyCertificate(code: $c) { valid status } }',
      {
        c: certificate.code,
      },
    );
    expect(verified.data).toEqual({ verifyCertificate: { valid: false, status: 'REVOKED' } });
  });

  it('keeps access on a partial refund and re-enrols on a new purchase after a full one', async () => {
    const buyer = viewer('LEARNER');
    const first = captured(buyer.userId, course.id);
    await consumer().handle(first);
    await consumer().handle(refunded(first, false));
    expect((await enrollmentOf(buyer.userId))?.status).toBe('ACTIVE');
    await consumer().handle(refunded(first));
    expect((await enrollmentOf(buyer.userId))?.status).toBe('CANCELLED');
    const second = captured(buyer.userId, course.id);
    await consumer().handle(second);
    expect(await enrollmentOf(buyer.userId)).toMatchObject({
      status: 'ACTIVE',
      paymentId: second.payload.paymentId,
    });
  });

  it('does not enrol when the refund overtook its capture', async () => {
    const buyer = viewer('LEARNER');
    const capture = captured(buyer.userId, course.id);
    await consumer().handle(refunded(capture));
    await consumer().handle(capture);
    expect((await enrollmentOf(buyer.userId))?.status).toBe('CANCELLED');
  });

  it('ignores subscription payments and skips payments for unknown courses without failing', async () => {
    const buyer = viewer('LEARNER');
    const subscription = captured(buyer.userId, course.id);
    subscription.payload = {
      ...subscription.payload,
      purpose: 'SUBSCRIPTION',
      courseId: null,
      planId: randomUUID(),
    };
    await consumer().handle(subscription);
    const unknownCourse = captured(buyer.userId, randomUUID());
    await consumer().handle(unknownCourse);
    await consumer().handle(refunded(unknownCourse));
    expect(await learning.prisma.enrollment.count({ where: { userId: buyer.userId } })).toBe(0);
    expect(
      await learning.prisma.learningInboxEvent.count({ where: { consumer: COURSE_ACCESS_CONSUMER } }),
    ).toBeGreaterThan(0);
  });

  it('through the real Kafka broker: a capture published twice enrols once, the refund revokes', async () => {
    const bus = createTestKafkaBus('learning-purchases-test');
    await bus.start();
    const kafkaConsumer = createCourseAccessConsumer(
      {
        infra: { prisma: learning.prisma, bus, readiness: {}, start: async () => {}, stop: async () => {} },
        logger: testLogger,
        gatewaySecret: 'x'.repeat(32),
      },
      `learning.course-access.test-${randomUUID()}`,
    );
    try {
      await kafkaConsumer.start();
      const buyer = viewer('LEARNER');
      const capture = captured(buyer.userId, course.id);
      await bus.publish([capture]);
      await bus.publish([capture]); // billing's relay re-publishing after a crash
      await eventually(
        async () => ((await enrollmentOf(buyer.userId))?.status === 'ACTIVE' ? true : undefined),
        30_000,
        'enrolment',
      );
      await bus.publish([refunded(capture)]);
      await eventually(
        async () => ((await enrollmentOf(buyer.userId))?.status === 'CANCELLED' ? true : undefined),
        30_000,
        'revocation',
      );
      expect(await learning.prisma.enrollment.count({ where: { userId: buyer.userId } })).toBe(1);
      expect(await outboxTypes(buyer.userId)).toEqual([
        `${LearningTopics.enrollmentCreated}:EnrollmentCreated`,
        `${LearningTopics.enrollmentCancelled}:EnrollmentCancelled`,
      ]);
    } finally {
      await kafkaConsumer.stop();
      await bus.stop();
    }
  }, 90_000);
});
