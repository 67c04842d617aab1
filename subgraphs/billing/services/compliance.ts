import { enqueueEvent } from '../../../platform/events/outbox';
import { ComplianceTopics, type ComplianceFlaggedPayload } from '../../../platform/events/topics';
import type { TransactionClient } from '../../../platform/prisma';
import type { Payment } from '../../../platform/prisma/generated/client';

/** Thresholds from the compliance policy (paise); a captured payment crossing one gets a review. */
export const complianceRules = {
  singlePaymentAboveMinor: 5_000_000n, // ₹50,000
  dailyTotalAboveMinor: 20_000_000n, // ₹2,00,000
  paymentsPerHourAbove: 10,
} as const;

/** Runs in the capture's transaction, so a flag exists exactly when the capture does. */
export async function flagForReview(tx: TransactionClient, payment: Payment, correlationId: string | null) {
  const now = payment.capturedAt ?? new Date();
  const dayStart = new Date(now.getTime() - 86_400_000);
  const hourStart = new Date(now.getTime() - 3_600_000);
  const captured = { userId: payment.userId, capturedAt: { not: null } } as const;
  const [day, hourCount] = await Promise.all([
    tx.payment.aggregate({
      where: { ...captured, capturedAt: { gt: dayStart } },
      _sum: { amountMinor: true },
    }),
    tx.payment.count({ where: { ...captured, capturedAt: { gt: hourStart } } }),
  ]);
  const dayTotal = day._sum.amountMinor ?? 0n;
  const hits: [string, string][] = [];
  if (payment.amountMinor > complianceRules.singlePaymentAboveMinor) {
    hits.push(['SINGLE_PAYMENT_ABOVE_LIMIT', `payment of ${payment.amountMinor} paise`]);
  }
  if (dayTotal > complianceRules.dailyTotalAboveMinor) {
    hits.push(['DAILY_TOTAL_ABOVE_LIMIT', `${dayTotal} paise captured in 24 hours`]);
  }
  if (hourCount > complianceRules.paymentsPerHourAbove) {
    hits.push(['PAYMENTS_PER_HOUR_ABOVE_LIMIT', `${hourCount} payments in one hour`]);
  }
  for (const [rule, detail] of hits) {
    const review = await tx.complianceReview.create({
      data: { userId: payment.userId, paymentId: payment.id, rule, detail },
    });
    await enqueueEvent<ComplianceFlaggedPayload>(tx, 'billing', {
      topic: ComplianceTopics.complianceFlagged,
      key: payment.userId,
      type: 'ComplianceFlagged',
      payload: { reviewId: review.id, userId: payment.userId, paymentId: payment.id, rule, detail },
      correlationId,
    });
  }
}
