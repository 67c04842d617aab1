import {
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/events/outbox';
import { Topics, type SubscriptionChangedPayload } from '../../../platform/events/topics';
import { isUuid } from '../../../platform/loaders';
import type { TransactionClient } from '../../../platform/prisma';
import type { Plan, Subscription, Tier } from '../../../platform/prisma/generated/client';
import type { BillingContext } from '../context';
import { assertSelfOrAdmin } from './access';
import { periodEnd } from './planPeriods';

/** Announces the tier the subscription now grants; identity's token claim follows from the event. */
export async function announceSubscription(
  tx: TransactionClient,
  subscription: Subscription,
  tier: Tier,
  correlationId: string | null,
): Promise<void> {
  // HALTED is not in the contract: a halted subscription grants FREE, announced as PAST_DUE.
  const status = subscription.status === 'HALTED' ? 'PAST_DUE' : subscription.status;
  const effectiveTier = subscription.status === 'HALTED' ? 'FREE' : tier;
  await enqueueEvent<SubscriptionChangedPayload>(tx, 'billing', {
    topic: Topics.subscriptionChanged,
    key: subscription.userId,
    type: 'SubscriptionChanged',
    payload: { userId: subscription.userId, subscriptionId: subscription.id, tier: effectiveTier, status },
    correlationId,
  });
}

/**
 * Puts the user on `plan` for one period starting `start` and announces it in the same transaction.
 * A renewal of the same plan passes the old period's end as `start`, so paid days are never lost.
 */
export async function activatePlan(
  tx: TransactionClient,
  userId: string,
  plan: Plan,
  correlationId: string | null,
  start = new Date(),
): Promise<Subscription> {
  const fields = {
    planId: plan.id,
    status: 'ACTIVE' as const,
    currentPeriodStart: start,
    currentPeriodEnd: plan.priceMinor > 0n ? periodEnd(start, plan.interval) : null,
    cancelAtPeriodEnd: false,
    failedCharges: 0,
    pendingPlanId: null,
  };
  const subscription = await tx.subscription.upsert({
    where: { userId },
    create: { userId, ...fields },
    update: fields,
  });
  await announceSubscription(tx, subscription, plan.tier, correlationId);
  return subscription;
}

/** Puts the user on `tier`'s monthly plan (the FREE default, admin grants). */
export async function setPlan(
  tx: TransactionClient,
  userId: string,
  tier: Tier,
  correlationId: string | null,
): Promise<Subscription> {
  const plan = await tx.plan.findUnique({ where: { tier_interval: { tier, interval: 'MONTH' } } });
  if (!plan) throw new NotFoundError('Plan', tier);
  return activatePlan(tx, userId, plan, correlationId);
}

export const subscriptionService = {
  async forUser(ctx: BillingContext, userId: string): Promise<Subscription | null> {
    assertSelfOrAdmin(ctx.viewer, userId);
    return ctx.loaders.subscriptionByUserId.load(userId);
  },

  async byId(ctx: BillingContext, id: string): Promise<Subscription | null> {
    if (!isUuid(id)) return null;
    const subscription = await ctx.loaders.subscriptionById.load(id);
    if (subscription) assertSelfOrAdmin(ctx.viewer, subscription.userId);
    return subscription;
  },

  /** The tier billing grants the user: FREE unless an active subscription says otherwise. */
  async tierOf(ctx: BillingContext, userId: string): Promise<Tier> {
    assertSelfOrAdmin(ctx.viewer, userId);
    const subscription = await ctx.loaders.subscriptionByUserId.load(userId);
    // PAST_DUE is the grace period of dunning: the tier holds until the subscription halts.
    if (!subscription || (subscription.status !== 'ACTIVE' && subscription.status !== 'PAST_DUE'))
      return 'FREE';
    return (await ctx.loaders.planById.load(subscription.planId))?.tier ?? 'FREE';
  },

  async grantPlan(ctx: BillingContext, userId: string, tier: Tier): Promise<Subscription> {
    if (!ctx.viewer) throw new UnauthenticatedError();
    if (!ctx.viewer.roles.includes('ADMIN')) throw new ForbiddenError('Only admins can grant plans');
    if (!isUuid(userId)) throw new BadUserInputError('userId must be a user id', 'userId');
    const subscription = await ctx.prisma.$transaction((tx) => setPlan(tx, userId, tier, ctx.correlationId));
    ctx.logger.info({ userId, tier, by: ctx.viewer.userId }, 'plan granted');
    return subscription;
  },
};
