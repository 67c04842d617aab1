import { enqueueEvent } from '../../../platform/events/outbox';
import { PaymentTopics, type PaymentCapturedPayload } from '../../../platform/events/topics';
import type { TransactionClient } from '../../../platform/prisma';
import type { Payment, PaymentOrder } from '../../../platform/prisma/generated/client';
import { flagForReview } from './compliance';
import { issueInvoice } from './invoices';
import { writeJournal } from './ledger';
import { capturePostings, recognitionPostings } from './ledgerPostings';
import type { BillingSettings } from './runtime';
import { applyPlanPurchase } from './planPurchases';
import { scheduleRecognition } from './revenueRecognition';

/** What the order bought, for the invoice line. */
async function describeOrder(tx: TransactionClient, order: PaymentOrder): Promise<string> {
  if (order.courseId) {
    const course = await tx.coursePrice.findUnique({ where: { courseId: order.courseId } });
    return `Course: ${course?.title ?? order.courseId}`;
  }
  const plan = order.planId ? await tx.plan.findUnique({ where: { id: order.planId } }) : null;
  return `Subscription: ${plan?.name ?? 'plan'}`;
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
  if (order.purpose === 'COURSE') {
    // Policy: a course sale is earned at capture. The enrolment (lifetime access to content that
    // already exists) is delivered then, and no later obligation remains to defer revenue over.
    await writeJournal(tx, {
      reference: `recognise:${payment.id}`,
      description: `Revenue of ${payment.razorpayPaymentId}`,
      paymentId: payment.id,
      postings: recognitionPostings(amountMinor, currency, order.purpose),
    });
  }
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
  if (order.purpose === 'SUBSCRIPTION') {
    // A plan is a service over its period: its revenue stays deferred and is earned day by day.
    const period = await applyPlanPurchase(tx, order, correlationId);
    await scheduleRecognition(tx, payment, order.purpose, period);
  }
  await issueInvoice(tx, payment, order, await describeOrder(tx, order), settings.seller);
  await flagForReview(tx, payment, correlationId);
}
