import { NotFoundError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/events/outbox';
import { Topics, type SubscriptionChangedPayload } from '../../../platform/events/topics';
import { isUuid } from '../../../platform/loaders';
import type { TransactionClient } from '../../../platform/prisma';
import type { Plan, Subscription, Tier } from '../../../platform/prisma/generated/client';
import type { BillingContext } from '../context';
import { requireOwnedRow, requireOwner } from '../../../platform/auth/access';
import { periodEnd } from './planPeriods';

/**
 * The tier a subscription grants: a halted one (every retry failed) grants FREE. A paused one (Razorpay
 * charges nothing while paused) keeps its tier to the end of the period already paid for, then FREE.
 */
export function grantedTier(
  subscription: Pick<Subscription, 'status' | 'currentPeriodEnd'>,
  planTier: Tier,
  now = new Date(),
): Tier {
  if (subscription.status === 'HALTED' || subscription.status === 'CANCELLED') return 'FREE';
  if (subscription.status === 'PAUSED') {
    return subscription.currentPeriodEnd && subscription.currentPeriodEnd > now ? planTier : 'FREE';
  }
  return planTier;
}

/**
 * Announces the tier the subscription now grants; identity's token claim follows from the event (its
 * consumer takes `tier`, so HALTED with tier FREE is understood by consumers that predate HALTED).
 * The change is also kept in billing's history, which churn analytics reads.
 */
export async function announceSubscription(
  tx: TransactionClient,
  subscription: Subscription,
  tier: Tier,
  correlationId: string | null,
): Promise<void> {
  const effectiveTier = grantedTier(subscription, tier);
  await tx.subscriptionChange.create({
    data: {
      userId: subscription.userId,
      subscriptionId: subscription.id,
      tier: effectiveTier,
      status: subscription.status,
    },
  });
  await enqueueEvent<SubscriptionChangedPayload>(tx, 'billing', {
    topic: Topics.subscriptionChanged,
    key: subscription.userId,
    type: 'SubscriptionChanged',
    payload: {
      userId: subscription.userId,
      subscriptionId: subscription.id,
      tier: effectiveTier,
      status: subscription.status,
    },
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
    // A plan set here (FREE, a grant, a one-off purchase) is no longer renewed by Razorpay.
    razorpaySubscriptionId: null,
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
    requireOwner(ctx.viewer, userId, 'User', userId);
    return ctx.loaders.subscriptionByUserId.load(userId);
  },

  async byId(ctx: BillingContext, id: string): Promise<Subscription> {
    const subscription = isUuid(id) ? await ctx.loaders.subscriptionById.load(id) : null;
    return requireOwnedRow(ctx.viewer, subscription, 'Subscription', id);
  },

  /** The tier billing grants the user: FREE unless an active subscription says otherwise. */
  async tierOf(ctx: BillingContext, userId: string): Promise<Tier> {
    requireOwner(ctx.viewer, userId, 'User', userId);
    const subscription = await ctx.loaders.subscriptionByUserId.load(userId);
    // PAST_DUE is the grace period of dunning: the tier holds until the subscription halts.
    if (!subscription) return 'FREE';
    const planTier = (await ctx.loaders.planById.load(subscription.planId))?.tier ?? 'FREE';
    return grantedTier(subscription, planTier);
  },
};
