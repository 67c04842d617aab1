import type { Viewer } from '../../../platform/auth/viewer';
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
import type { Subscription, Tier } from '../../../platform/prisma/generated/client';
import type { BillingContext } from '../context';

export const BILLING_PERIOD_DAYS = 30;

function assertSelfOrAdmin(viewer: Viewer | null, userId: string): void {
  if (!viewer) throw new UnauthenticatedError();
  if (viewer.userId !== userId && !viewer.roles.includes('ADMIN')) {
    throw new ForbiddenError("Only admins can see another user's billing");
  }
}

/**
 * Puts the user on `tier` and announces it in the same transaction; identity's copy of the tier
 * (the token claim) follows from the event.
 */
export async function setPlan(
  tx: TransactionClient,
  userId: string,
  tier: Tier,
  correlationId: string | null,
): Promise<Subscription> {
  const plan = await tx.plan.findUnique({ where: { tier } });
  if (!plan) throw new NotFoundError('Plan', tier);
  const now = new Date();
  const periodEnd = plan.priceMinor > 0n ? new Date(now.getTime() + BILLING_PERIOD_DAYS * 86_400_000) : null;
  const fields = {
    planId: plan.id,
    status: 'ACTIVE' as const,
    currentPeriodStart: now,
    currentPeriodEnd: periodEnd,
  };
  const subscription = await tx.subscription.upsert({
    where: { userId },
    create: { userId, ...fields },
    update: fields,
  });
  await enqueueEvent<SubscriptionChangedPayload>(tx, 'billing', {
    topic: Topics.subscriptionChanged,
    key: userId,
    type: 'SubscriptionChanged',
    payload: { userId, subscriptionId: subscription.id, tier, status: subscription.status },
    correlationId,
  });
  return subscription;
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
    if (!subscription || subscription.status !== 'ACTIVE') return 'FREE';
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
