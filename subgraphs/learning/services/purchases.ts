import { enqueueEvent } from '../../../platform/events/outbox';
import type { PaymentCapturedPayload, PaymentRefundedPayload } from '../../../platform/events/topics';
import { isUuid } from '../../../platform/loaders';
import type { Logger } from '../../../platform/logger';
import type { TransactionClient } from '../../../platform/prisma';
import { LearningEventTypes, LearningTopics, type EnrollmentCancelledPayload } from '../topics';
import { revokeCertificate } from './certificates';
import { announceEnrollment } from './enrollments';

export interface PurchaseEvent<P> {
  id: string;
  payload: P;
  correlationId: string | null;
}

const isCoursePayment = (p: { purpose?: unknown; courseId?: unknown; userId?: unknown }) =>
  p.purpose === 'COURSE' &&
  typeof p.courseId === 'string' &&
  isUuid(p.courseId) &&
  typeof p.userId === 'string' &&
  isUuid(p.userId);

/**
 * A captured course payment enrols its buyer. Runs inside the inbox transaction, so a redelivered
 * event never gets here twice; the enrolment's (user, course) uniqueness covers a second payment.
 */
export async function enrolPurchase(
  tx: TransactionClient,
  event: PurchaseEvent<PaymentCapturedPayload>,
  log: Logger,
): Promise<void> {
  const payment = event.payload;
  if (!isCoursePayment(payment)) return; // subscriptions are billing's and identity's business
  const courseId = payment.courseId!;
  const course = await tx.course.findUnique({ where: { id: courseId } });
  // Retrying an event for a course that does not exist would block the partition forever.
  if (!course)
    return void log.error({ eventId: event.id, courseId }, 'payment for an unknown course; skipped');
  const existing = await tx.enrollment.findUnique({
    where: { userId_courseId: { userId: payment.userId, courseId } },
  });
  if (existing?.status === 'CANCELLED' && existing.paymentId === payment.paymentId) {
    return void log.warn({ eventId: event.id }, 'capture of an already refunded payment; not enrolled');
  }
  if (existing && existing.status !== 'CANCELLED') {
    // Already has access (free enrolment, or a second payment): remember the payment, change nothing else.
    if (!existing.paymentId) {
      await tx.enrollment.update({
        where: { id: existing.id },
        data: { paymentId: payment.paymentId, source: 'PURCHASE' },
      });
    }
    return;
  }
  const enrollment = existing
    ? await tx.enrollment.update({
        where: { id: existing.id },
        data: {
          status: 'ACTIVE',
          source: 'PURCHASE',
          paymentId: payment.paymentId,
          activatedAt: new Date(),
          cancelledAt: null,
        },
      })
    : await tx.enrollment.create({
        data: { userId: payment.userId, courseId, source: 'PURCHASE', paymentId: payment.paymentId },
      });
  await announceEnrollment(tx, enrollment, event.correlationId);
}

/** A full refund of the payment that bought a course takes the access (and any certificate) away. */
export async function revokeRefundedPurchase(
  tx: TransactionClient,
  event: PurchaseEvent<PaymentRefundedPayload>,
  log: Logger,
): Promise<void> {
  const refund = event.payload;
  if (!isCoursePayment(refund)) return;
  if (!refund.full) return void log.info({ eventId: event.id }, 'partial refund; access kept');
  const courseId = refund.courseId!;
  const existing = await tx.enrollment.findUnique({
    where: { userId_courseId: { userId: refund.userId, courseId } },
  });
  if (!existing) {
    if (!(await tx.course.findUnique({ where: { id: courseId }, select: { id: true } }))) {
      return void log.error({ eventId: event.id, courseId }, 'refund for an unknown course; skipped');
    }
    // The refund overtook its capture: leave a cancelled row so the late capture does not enrol.
    await tx.enrollment.create({
      data: {
        userId: refund.userId,
        courseId,
        source: 'PURCHASE',
        paymentId: refund.paymentId,
        status: 'CANCELLED',
        cancelledAt: new Date(),
      },
    });
    return;
  }
  // Access bought with another payment (or granted for free) is not this refund's to take. Conditional,
  // so a concurrent delivery of the same refund (another consumer group) cancels and announces once.
  const cancelled = await tx.enrollment.updateMany({
    where: { id: existing.id, paymentId: refund.paymentId, status: { not: 'CANCELLED' } },
    data: { status: 'CANCELLED', cancelledAt: new Date() },
  });
  if (cancelled.count === 0) return;
  await revokeCertificate(tx, existing.id, 'REFUNDED', event.correlationId);
  await enqueueEvent<EnrollmentCancelledPayload>(tx, 'learning', {
    topic: LearningTopics.enrollmentCancelled,
    key: courseId,
    type: LearningEventTypes.enrollmentCancelled,
    payload: {
      enrollmentId: existing.id,
      userId: existing.userId,
      courseId,
      reason: 'REFUNDED',
      paymentId: refund.paymentId,
    },
    correlationId: event.correlationId,
  });
}
