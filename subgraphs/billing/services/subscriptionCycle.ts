import type { PrismaClient } from '../../../platform/prisma';
import { announceSubscription, setPlan } from './subscriptions';

/** Renewal retries before a subscription halts (Razorpay retries a failed charge three times too). */
export const RENEWAL_RETRIES = 3;
export const RETRY_INTERVAL_MS = 86_400_000;

/**
 * The periodic job: a period that ended unpaid moves to PAST_DUE (tier kept), each further run counts
 * a failed retry, and after RENEWAL_RETRIES the subscription HALTS and the tier falls to FREE.
 * Cancelled-at-period-end subscriptions fall to FREE; pending downgrades take their plan.
 */
export async function runSubscriptionCycle(prisma: PrismaClient, now = new Date()): Promise<number> {
  // Subscriptions Razorpay renews move with its webhooks; only a cancellation whose period has run
  // out is ended here too, in case Razorpay's subscription.cancelled is late.
  const due = await prisma.subscription.findMany({
    where: {
      OR: [
        { status: 'ACTIVE', currentPeriodEnd: { lte: now }, razorpaySubscriptionId: null },
        { cancelAtPeriodEnd: true, currentPeriodEnd: { lte: now } },
        // A paused subscription charges nothing: its tier ends with the period already paid for.
        { status: 'PAUSED', currentPeriodEnd: { lte: now } },
        // One retry a day while past due.
        {
          status: 'PAST_DUE',
          razorpaySubscriptionId: null,
          updatedAt: { lte: new Date(now.getTime() - RETRY_INTERVAL_MS) },
        },
      ],
    },
    include: { plan: true },
    take: 500,
  });
  for (const subscription of due) {
    await prisma.$transaction(async (tx) => {
      const correlationId = `subscription-cycle-${subscription.id}`;
      if (subscription.status === 'PAUSED' && !subscription.cancelAtPeriodEnd) {
        // The paid period of a paused subscription is over: FREE until it resumes and is charged.
        const updated = await tx.subscription.update({
          where: { id: subscription.id },
          data: { currentPeriodStart: subscription.currentPeriodEnd!, currentPeriodEnd: null },
        });
        await announceSubscription(tx, updated, subscription.plan.tier, correlationId);
        return;
      }
      if (subscription.cancelAtPeriodEnd) {
        await setPlan(tx, subscription.userId, 'FREE', correlationId);
        return;
      }
      const failedCharges = subscription.status === 'PAST_DUE' ? subscription.failedCharges + 1 : 0;
      const halted = failedCharges >= RENEWAL_RETRIES;
      const updated = await tx.subscription.update({
        where: { id: subscription.id },
        data: {
          status: halted ? 'HALTED' : 'PAST_DUE',
          failedCharges,
          ...(subscription.pendingPlanId ? { planId: subscription.pendingPlanId, pendingPlanId: null } : {}),
        },
      });
      const plan = await tx.plan.findUniqueOrThrow({ where: { id: updated.planId } });
      if (subscription.status !== updated.status || plan.id !== subscription.planId) {
        await announceSubscription(tx, updated, plan.tier, correlationId);
      }
    });
  }
  return due.length;
}
