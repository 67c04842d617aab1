import { enqueueEvent } from '../../../platform/events/outbox';
import { PaymentTopics, type PaymentCapturedPayload } from '../../../platform/events/topics';
import type { TransactionClient } from '../../../platform/prisma';
import type { Payment, PaymentOrder } from '../../../platform/prisma/generated/client';
import { flagForReview } from './compliance';
import { issueInvoice } from './invoices';
import { writeJournal } from './ledger';
import { capturePostings, recognitionPostings } from './ledgerPostings';
import type { BillingSettings } from './runtime';
import { activatePlan } from './subscriptions';

/** What the order bought, for the invoice line. */
async function describeOrder(tx: TransactionClient, order: PaymentOrder): Promise<string> {
  if (order.courseId) {
    const course = await tx.coursePrice.findUnique({ where: { courseId: order.courseId } });
    return `Course: ${course?.title ?? order.courseId}`;
  }
  const plan = order.planId ? await tx.plan.findUnique({ where: { id: order.planId } }) : null;
  return `Subscription: ${plan?.name ?? 'plan'}`;
}

/** The plan an order bought takes effect; renewing the same plan extends the paid period. */
async function applyPlanPurchase(tx: TransactionClient, order: PaymentOrder, correlationId: string | null) {
  const plan = order.planId ? await tx.plan.findUnique({ where: { id: order.planId } }) : null;
  if (!plan) throw new Error(`order ${order.id} has no plan`);
  const current = await tx.subscription.findUnique({ where: { userId: order.userId } });
  const now = new Date();
  const extends_ =
    current?.planId === plan.id &&
    current.status === 'ACTIVE' &&
    current.currentPeriodEnd &&
    current.currentPeriodEnd > now;
  await activatePlan(tx, order.userId, plan, correlationId, extends_ ? current.currentPeriodEnd! : now);
}

/**
 * Everything a capture causes, once: the capture journal's unique reference decides which of several
 * concurrent deliveries does the work (the others find the journal written and stop).
 */
export async function applyCapture(
  tx: TransactionClient,
  payment: Payment,
  order: PaymentOrder,
  settings: BillingSettings,
  correlationId: string | null,
): Promise<void> {
  const { amountMinor, currency } = payment;
  const first = await writeJournal(tx, {
    reference: `capture:${payment.id}`,
    description: `Capture of ${payment.razorpayPaymentId}`,
    paymentId: payment.id,
    postings: capturePostings(amountMinor, payment.feeMinor, currency),
  });
  if (!first) return;
  await writeJournal(tx, {
    reference: `recognise:${payment.id}`,
    description: `Revenue of ${payment.razorpayPaymentId}`,
    paymentId: payment.id,
    postings: recognitionPostings(amountMinor, currency, order.purpose),
  });
  await tx.paymentOrder.update({ where: { id: order.id }, data: { status: 'PAID' } });
  await enqueueEvent<PaymentCapturedPayload>(tx, 'billing', {
    topic: PaymentTopics.paymentCaptured,
    key: payment.userId,
    type: 'PaymentCaptured',
    payload: {
      paymentId: payment.id,
      orderId: order.id,
      userId: payment.userId,
      purpose: order.purpose,
      courseId: order.courseId,
      planId: order.planId,
      amountMinor: amountMinor.toString(),
      currency,
    },
    correlationId,
  });
  if (order.purpose === 'SUBSCRIPTION') await applyPlanPurchase(tx, order, correlationId);
  await issueInvoice(tx, payment, order, await describeOrder(tx, order), settings.gstHomeState);
  await flagForReview(tx, payment, correlationId);
}
