import { BadUserInputError, NotFoundError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { Subscription } from '../../../platform/prisma/generated/client';
import type { BillingContext } from '../context';
import { requireViewer } from '../../../platform/auth/access';
import { razorpayPlanIdOf } from './gatewaySubscriptions';
import type { BillingRuntime } from './runtime';
import { renewAfter } from './subscriptionRenewal';
import { syncSubscription } from './subscriptionSync';

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
  /**
   * Razorpay stops renewing at the cycle end (cancel_at_cycle_end); the tier holds until then. A
   * subscription not charging yet (authorised to start later) or paused is cancelled at Razorpay at
   * once: the period already paid for still runs to its end here (keepPaidPeriod).
   */
  async cancelAtPeriodEnd(ctx: BillingContext, runtime: BillingRuntime): Promise<Subscription> {
    const subscription = await ownPaidSubscription(ctx);
    const id = subscription.razorpaySubscriptionId;
    if (id && !subscription.cancelAtPeriodEnd) {
      const entity = await runtime.razorpay.fetchSubscription(id);
      await runtime.razorpay.cancelSubscription(id, entity.status === 'active');
    }
    await ctx.prisma.subscription.updateMany({
      where: { id: subscription.id, razorpaySubscriptionId: id },
      data: { cancelAtPeriodEnd: true },
    });
    if (id) await syncSubscription(runtime, id, ctx.correlationId);
    return ctx.prisma.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
  },

  /**
   * Undoes cancelSubscription, or resumes a paused subscription. Razorpay cannot withdraw a cycle-end
   * cancellation (see emulators/razorpay/subscriptionChanges.ts), so a renewing plan is continued by a new
   * Razorpay subscription on the same plan whose start_at is the old one's cycle end: the customer
   * authorises it (PlanSubscription.renewalCheckout) and from then on it renews the plan; until then
   * cancelAtPeriodEnd stays true. A plan bought once just drops its cancellation.
   */
  async resume(ctx: BillingContext, runtime: BillingRuntime): Promise<Subscription> {
    const subscription = await ownPaidSubscription(ctx);
    const id = subscription.razorpaySubscriptionId;
    if (subscription.status === 'PAUSED' && id) {
      await runtime.razorpay.resumeSubscription(id);
      await syncSubscription(runtime, id, ctx.correlationId);
      return ctx.prisma.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    }
    if (subscription.status !== 'ACTIVE')
      throw new BadUserInputError('Only an active or paused subscription can resume');
    if (!subscription.cancelAtPeriodEnd) return subscription;
    if (id) {
      await renewAfter(runtime, subscription, id);
      return subscription;
    }
    return ctx.prisma.subscription.update({
      where: { id: subscription.id },
      data: { cancelAtPeriodEnd: false, pendingPlanId: null },
    });
  },

  /** Pauses a renewing subscription at Razorpay (pause_at=now): nothing is charged until resumed. */
  async pause(ctx: BillingContext, runtime: BillingRuntime): Promise<Subscription> {
    const subscription = await ownPaidSubscription(ctx);
    const id = subscription.razorpaySubscriptionId;
    if (!id || subscription.status !== 'ACTIVE' || subscription.cancelAtPeriodEnd) {
      throw new BadUserInputError('Only an active renewing subscription that is not cancelled can pause');
    }
    const entity = await runtime.razorpay.fetchSubscription(id);
    if (entity.status !== 'active') {
      throw new BadUserInputError('The subscription has not started charging yet: cancel it instead');
    }
    await runtime.razorpay.pauseSubscription(id);
    await syncSubscription(runtime, id, ctx.correlationId);
    return ctx.prisma.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
  },

  /** A downgrade: the paid period runs out on the current plan, the next one is on the cheaper plan. */
  async scheduleDowngrade(
    ctx: BillingContext,
    runtime: BillingRuntime,
    planId: string,
  ): Promise<Subscription> {
    const subscription = await ownPaidSubscription(ctx);
    const plan = isUuid(planId) ? await ctx.prisma.plan.findUnique({ where: { id: planId } }) : null;
    if (!plan) throw new NotFoundError('Plan', planId);
    if (plan.priceMinor >= subscription.plan.priceMinor) {
      throw new BadUserInputError('Upgrades are bought with createOrder (prorated)', 'planId');
    }
    if (subscription.razorpaySubscriptionId) {
      if (plan.priceMinor <= 0n) {
        throw new BadUserInputError('To go back to FREE, cancel the subscription', 'planId');
      }
      const razorpayPlanId = await razorpayPlanIdOf(runtime, plan);
      await runtime.razorpay.changeSubscriptionPlan(
        subscription.razorpaySubscriptionId,
        razorpayPlanId,
        'cycle_end',
      );
    }
    return ctx.prisma.subscription.update({
      where: { id: subscription.id },
      data: { pendingPlanId: plan.id },
    });
  },
};
