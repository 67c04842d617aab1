import { BadUserInputError, NotFoundError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { PrismaClient } from '../../../platform/prisma';
import type { Subscription } from '../../../platform/prisma/generated/client';
import type { BillingContext } from '../context';
import { requireViewer } from './access';
import { announceSubscription, setPlan } from './subscriptions';

/** Renewal retries before a subscription halts (Razorpay retries a failed charge three times too). */
export const RENEWAL_RETRIES = 3;
export const RETRY_INTERVAL_MS = 86_400_000;

async function ownPaidSubscription(
  ctx: BillingContext,
): Promise<Subscription & { plan: { priceMinor: bigint } }> {
  const viewer = requireViewer(ctx.viewer);
  const subscription = await ctx.prisma.subscription.findUnique({
    where: { userId: viewer.userId },
    include: { plan: true },
  });
  if (!subscription || subscription.plan.priceMinor === 0n) throw new NotFoundError('Paid subscription');
  return subscription;
}

export const subscriptionLifecycle = {
  async cancelAtPeriodEnd(ctx: BillingContext): Promise<Subscription> {
    const subscription = await ownPaidSubscription(ctx);
    return ctx.prisma.subscription.update({
      where: { id: subscription.id },
      data: { cancelAtPeriodEnd: true },
    });
  },

  async resume(ctx: BillingContext): Promise<Subscription> {
    const subscription = await ownPaidSubscription(ctx);
    if (subscription.status !== 'ACTIVE')
      throw new BadUserInputError('Only an active subscription can resume');
    return ctx.prisma.subscription.update({
      where: { id: subscription.id },
      data: { cancelAtPeriodEnd: false },
    });
  },

  /** A downgrade: the paid period runs out on the current plan, the next one is on the cheaper plan. */
  async scheduleDowngrade(ctx: BillingContext, planId: string): Promise<Subscription> {
    const subscription = await ownPaidSubscription(ctx);
    const plan = isUuid(planId) ? await ctx.prisma.plan.findUnique({ where: { id: planId } }) : null;
    if (!plan) throw new NotFoundError('Plan', planId);
    if (plan.priceMinor >= subscription.plan.priceMinor) {
      throw new BadUserInputError('Upgrades are bought with createOrder (prorated)', 'planId');
    }
    return ctx.prisma.subscription.update({
      where: { id: subscription.id },
      data: { pendingPlanId: plan.id },
    });
  },
};

/**
 * The periodic job: a period that ended unpaid moves to PAST_DUE (tier kept), each further run counts
 * a failed retry, and after RENEWAL_RETRIES the subscription HALTS and the tier falls to FREE.
 * Cancelled-at-period-end subscriptions fall to FREE; pending downgrades take their plan.
 */
export async function runSubscriptionCycle(prisma: PrismaClient, now = new Date()): Promise<number> {
  const due = await prisma.subscription.findMany({
    where: {
      OR: [
        { status: 'ACTIVE', currentPeriodEnd: { lte: now } },
        // One retry a day while past due.
        { status: 'PAST_DUE', updatedAt: { lte: new Date(now.getTime() - RETRY_INTERVAL_MS) } },
      ],
    },
    include: { plan: true },
    take: 500,
  });
  for (const subscription of due) {
    await prisma.$transaction(async (tx) => {
      const correlationId = `subscription-cycle-${subscription.id}`;
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
