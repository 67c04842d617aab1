import { enqueueEvent } from '../../../platform/events/outbox';
import { PaymentTopics, type PaymentRefundedPayload } from '../../../platform/events/topics';
import type { TransactionClient } from '../../../platform/prisma';
import type { Payment, Refund } from '../../../platform/prisma/generated/client';
import type { RefundEntity } from './razorpayEntities';
import { writeJournal } from './ledger';
import { refundPostings } from './ledgerPostings';
import { statusAfterRefunds } from './paymentStateMachine';
import { takeFromDeferred } from './revenueRecognition';
import { setPlan } from './subscriptions';

export interface RefundRequestMeta {
  idempotencyKey: string | null;
  requestHash: string | null;
  requestedBy: string | null;
  reason: string | null;
}

/**
 * Records a refund Razorpay made, once per Razorpay refund id, on a payment row the caller has locked:
 * the payment's refunded amount, its state, the reversing journal, the event (learning revokes the
 * course, a fully refunded plan falls back to FREE).
 */
export async function recordGatewayRefund(
  tx: TransactionClient,
  payment: Payment,
  entity: RefundEntity,
  meta: RefundRequestMeta,
  correlationId: string | null,
): Promise<Refund> {
  const existing = await tx.refund.findUnique({ where: { razorpayRefundId: entity.id } });
  if (existing) return existing;
  const amountMinor = BigInt(entity.amount);
  const refund = await tx.refund.create({
    data: {
      paymentId: payment.id,
      razorpayRefundId: entity.id,
      amountMinor,
      currency: entity.currency,
      ...meta,
    },
  });
  const refundedMinor = payment.refundedMinor + amountMinor;
  if (refundedMinor > payment.amountMinor) throw new Error(`refunds of ${payment.id} exceed its amount`);
  const status = statusAfterRefunds(payment.amountMinor, refundedMinor);
  await tx.payment.update({ where: { id: payment.id }, data: { refundedMinor, status } });
  const order = await tx.paymentOrder.findUniqueOrThrow({ where: { id: payment.orderId } });
  const fromDeferred =
    order.purpose === 'SUBSCRIPTION'
      ? await takeFromDeferred(tx, payment.id, amountMinor, payment.refundedMinor)
      : 0n;
  await writeJournal(tx, {
    reference: `refund:${entity.id}`,
    description: `Refund ${entity.id} of ${payment.razorpayPaymentId}`,
    paymentId: payment.id,
    postings: refundPostings(
      amountMinor,
      payment.refundedMinor,
      payment.currency,
      order.purpose,
      fromDeferred,
    ),
  });
  const full = status === 'REFUNDED';
  await enqueueEvent<PaymentRefundedPayload>(tx, 'billing', {
    topic: PaymentTopics.paymentRefunded,
    key: payment.userId,
    type: 'PaymentRefunded',
    payload: {
      paymentId: payment.id,
      refundId: refund.id,
      orderId: order.id,
      userId: payment.userId,
      purpose: order.purpose,
      courseId: order.courseId,
      planId: order.planId,
      amountMinor: amountMinor.toString(),
      currency: payment.currency,
      full,
    },
    correlationId,
  });
  if (full && order.purpose === 'SUBSCRIPTION') {
    const subscription = await tx.subscription.findUnique({ where: { userId: payment.userId } });
    if (subscription?.planId === order.planId) await setPlan(tx, payment.userId, 'FREE', correlationId);
  }
  return refund;
}
