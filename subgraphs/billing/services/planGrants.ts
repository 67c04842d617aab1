import { BadUserInputError, ConflictError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { Subscription, Tier } from '../../../platform/prisma/generated/client';
import type { BillingContext } from '../context';
import { requireRole } from '../../../platform/auth/access';
import { endAtRazorpay } from './gatewaySubscriptions';
import type { BillingRuntime } from './runtime';
import { setPlan } from './subscriptions';

/** Our statuses in which Razorpay may still charge the linked subscription. */
const MAY_CHARGE: Subscription['status'][] = ['ACTIVE', 'PAST_DUE', 'PAUSED'];

/**
 * Admins grant a plan without payment. Policy: a grant never sits next to a subscription Razorpay may
 * still charge. A grant on a user whose Razorpay subscription still renews (active, past due, paused,
 * or authorised to start later) is refused with CONFLICT saying why: the user cancels it first
 * (cancelSubscription), an admin deciding for them would be choosing what they pay. Once it is
 * cancelled at its cycle end, or halted, the grant cancels it at Razorpay at once (so it can never
 * charge again, not even a halted one revived by a customer's payment) and replaces the plan. Every
 * attempt, granted or refused, is kept in BillingAuditEntry (actor, target, outcome, details).
 */
export async function grantPlan(
  ctx: BillingContext,
  runtime: BillingRuntime,
  userId: string,
  tier: Tier,
): Promise<Subscription> {
  const admin = requireRole(ctx.viewer, 'ADMIN');
  if (!isUuid(userId)) throw new BadUserInputError('userId must be a user id', 'userId');
  const current = await ctx.prisma.subscription.findUnique({ where: { userId } });
  const renewing = current?.razorpaySubscriptionId ?? null;
  const audit = (outcome: string, details: Record<string, string | null>) =>
    ctx.prisma.billingAuditEntry.create({
      data: { actorId: admin.userId, action: 'GRANT_PLAN', targetUserId: userId, outcome, details },
    });
  if (current && renewing && MAY_CHARGE.includes(current.status) && !current.cancelAtPeriodEnd) {
    const reason = 'the user has a renewing Razorpay subscription that would keep charging';
    await audit('REFUSED', { tier, reason, razorpaySubscriptionId: renewing });
    throw new ConflictError(
      `Cannot grant ${tier}: ${reason}; the user must cancel it first (the grant replaces the plan)`,
      { razorpaySubscriptionId: renewing, currentPeriodEnd: current.currentPeriodEnd?.toISOString() ?? null },
    );
  }
  if (renewing) {
    // Halted, or cancelled at the cycle end: make sure it can never charge again.
    await endAtRazorpay(runtime, renewing);
  }
  const subscription = await ctx.prisma.$transaction(async (tx) => {
    const granted = await setPlan(tx, userId, tier, ctx.correlationId);
    await tx.billingAuditEntry.create({
      data: {
        actorId: admin.userId,
        action: 'GRANT_PLAN',
        targetUserId: userId,
        outcome: 'GRANTED',
        details: { tier, replacedRazorpaySubscriptionId: renewing },
      },
    });
    return granted;
  });
  ctx.logger.info({ userId, tier, by: admin.userId }, 'plan granted');
  return subscription;
}
