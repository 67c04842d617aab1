import type { TransactionClient } from '../../../platform/prisma';
import type { PaymentOrder, Plan, Subscription } from '../../../platform/prisma/generated/client';
import { announceSubscription, activatePlan } from './subscriptions';

/** Orders billing makes for a Razorpay subscription's recurring charges carry this key prefix. */
export const CHARGE_KEY_PREFIX = 'razorpay-charge:';

export const isRecurringCharge = (order: PaymentOrder) =>
  order.razorpaySubscriptionId !== null && order.idempotencyKey.startsWith(CHARGE_KEY_PREFIX);

/** The service period a plan payment paid for: revenue is recognised over it. */
export interface ServicePeriod {
  start: Date;
  end: Date;
}

/** Razorpay subscription states that never charge again. */
export const TERMINAL_STATUSES: string[] = ['cancelled', 'completed', 'expired'];

/** Every writer of one user's subscription row queues here (webhooks, mutations, the cycle job). */
export async function lockSubscription(tx: TransactionClient, userId: string): Promise<Subscription | null> {
  await tx.$queryRawUnsafe(`SELECT 1 FROM billing.subscription WHERE user_id = $1::uuid FOR UPDATE`, userId);
  return tx.subscription.findUnique({ where: { userId } });
}

/**
 * A charge Razorpay made for a subscription cycle: the subscription runs on the charged plan to the
 * cycle's end. Only ever forwards: a late delivery of an older cycle's charge moves nothing, and a
 * subscription already cancelled at Razorpay is not revived by one.
 */
async function applyRecurringCharge(
  tx: TransactionClient,
  order: PaymentOrder,
  plan: Plan,
  correlationId: string | null,
): Promise<ServicePeriod> {
  const period = { start: order.periodStart!, end: order.periodEnd! };
  const current = await lockSubscription(tx, order.userId);
  const linked = current?.razorpaySubscriptionId === order.razorpaySubscriptionId;
  if (!linked) {
    const link = await tx.gatewaySubscription.findUnique({
      where: { razorpaySubscriptionId: order.razorpaySubscriptionId! },
    });
    // Another renewing subscription holds the row, unless it halted or ends at its cycle end (the
    // customer subscribed anew, or resumed with a subscription starting where the old one ends).
    const heldByAnother =
      current?.razorpaySubscriptionId && current.status !== 'HALTED' && !current.cancelAtPeriodEnd;
    if (heldByAnother || !link || TERMINAL_STATUSES.includes(link.status)) return period;
  }
  if (linked && current.currentPeriodEnd && current.currentPeriodEnd >= period.end) return period;
  const updated = await tx.subscription.upsert({
    where: { userId: order.userId },
    create: {
      userId: order.userId,
      planId: plan.id,
      currentPeriodStart: period.start,
      currentPeriodEnd: period.end,
      razorpaySubscriptionId: order.razorpaySubscriptionId,
    },
    update: {
      planId: plan.id,
      status: 'ACTIVE',
      currentPeriodStart: period.start,
      currentPeriodEnd: period.end,
      failedCharges: 0,
      razorpaySubscriptionId: order.razorpaySubscriptionId,
      ...(linked ? {} : { cancelAtPeriodEnd: false }),
      ...(current?.pendingPlanId === plan.id || !linked ? { pendingPlanId: null } : {}),
    },
  });
  if (!current || current.planId !== plan.id || current.status !== 'ACTIVE' || !linked) {
    await announceSubscription(tx, updated, plan.tier, correlationId);
  }
  return period;
}

/**
 * What a captured plan payment does to the subscription, and the period it paid for:
 * a recurring charge renews; an in-cycle upgrade of a renewing subscription switches the plan until
 * the period's end (Razorpay is moved to the new plan after the commit); a one-off purchase activates
 * the plan (extending the paid period when it renews the same plan).
 */
export async function applyPlanPurchase(
  tx: TransactionClient,
  order: PaymentOrder,
  correlationId: string | null,
): Promise<ServicePeriod> {
  const plan = order.planId ? await tx.plan.findUnique({ where: { id: order.planId } }) : null;
  if (!plan) throw new Error(`order ${order.id} has no plan`);
  if (isRecurringCharge(order)) return applyRecurringCharge(tx, order, plan, correlationId);
  const current = await lockSubscription(tx, order.userId);
  const now = new Date();
  if (order.razorpaySubscriptionId && current?.razorpaySubscriptionId === order.razorpaySubscriptionId) {
    const updated = await tx.subscription.update({
      where: { id: current.id },
      data: { planId: plan.id, pendingPlanId: null },
    });
    await announceSubscription(tx, updated, plan.tier, correlationId);
    return { start: now, end: order.periodEnd ?? current.currentPeriodEnd ?? now };
  }
  const extendsPaid =
    current?.planId === plan.id &&
    current.status === 'ACTIVE' &&
    current.currentPeriodEnd &&
    current.currentPeriodEnd > now;
  const activated = await activatePlan(
    tx,
    order.userId,
    plan,
    correlationId,
    extendsPaid ? current.currentPeriodEnd! : now,
  );
  return { start: activated.currentPeriodStart, end: activated.currentPeriodEnd ?? now };
}
