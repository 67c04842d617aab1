import type { Payment } from '../../../platform/prisma/generated/client';
import type { SubscriptionStatus } from '../../../platform/prisma/generated/enums';
import type { PaymentEntity, SubscriptionEntity } from './razorpayEntities';
import { razorpayPlanIdOf } from './gatewaySubscriptions';
import { recordGatewayPayment } from './paymentRecords';
import { CHARGE_KEY_PREFIX, isRecurringCharge, lockSubscription, TERMINAL_STATUSES } from './planPurchases';
import type { BillingRuntime } from './runtime';
import { keepPaidPeriod, linkDeferredStart } from './subscriptionLinks';
import { announceSubscription, setPlan } from './subscriptions';

const txOptions = { timeout: 20_000, maxWait: 10_000 };

/**
 * subscription.charged: Razorpay charged a cycle. The charge becomes an order of ours (once per
 * Razorpay order, whichever delivery comes first) and its payment goes through the same capture path
 * as Checkout payments: one set of postings, one invoice, one deferred-revenue schedule.
 */
export async function recordSubscriptionCharge(
  runtime: BillingRuntime,
  subscription: SubscriptionEntity,
  payment: PaymentEntity,
  correlationId: string,
) {
  const { prisma } = runtime;
  const link = await prisma.gatewaySubscription.findUnique({
    where: { razorpaySubscriptionId: subscription.id },
  });
  if (!link || subscription.current_start === null || subscription.current_end === null) return null;
  const plan = await prisma.plan.findUnique({ where: { razorpayPlanId: subscription.plan_id } });
  if (!plan) throw new Error(`Razorpay plan ${subscription.plan_id} is not one of ours`);
  return prisma.$transaction(async (tx) => {
    await tx.paymentOrder.createMany({
      data: [
        {
          userId: link.userId,
          purpose: 'SUBSCRIPTION',
          planId: plan.id,
          amountMinor: BigInt(payment.amount),
          currency: payment.currency,
          razorpayOrderId: payment.order_id,
          idempotencyKey: `${CHARGE_KEY_PREFIX}${payment.id}`,
          requestHash: '-',
          placeOfSupply: link.placeOfSupply,
          razorpaySubscriptionId: subscription.id,
          periodStart: new Date(subscription.current_start! * 1000),
          periodEnd: new Date(subscription.current_end! * 1000),
        },
      ],
      skipDuplicates: true,
    });
    return recordGatewayPayment(tx, { ...payment, status: 'captured' }, runtime.settings, correlationId);
  }, txOptions);
}

/** Razorpay's subscription status in ours; null: nothing to change here (created, active...). */
const statusFor: Record<string, SubscriptionStatus | 'ENDED' | undefined> = {
  active: 'ACTIVE',
  pending: 'PAST_DUE',
  halted: 'HALTED',
  // Charged nothing while paused: the tier holds to the paid period's end (grantedTier), then FREE.
  paused: 'PAUSED',
  cancelled: 'ENDED',
  completed: 'ENDED',
  expired: 'ENDED',
};

/**
 * Any other subscription event: the state is read back from Razorpay (not taken from the payload),
 * so late, repeated or reordered deliveries all converge on Razorpay's current state. Periods move only
 * with charges (recordSubscriptionCharge); this moves the status and the tier it grants.
 */
export async function syncSubscription(
  runtime: BillingRuntime,
  razorpaySubscriptionId: string,
  correlationId: string,
) {
  const entity = await runtime.razorpay.fetchSubscription(razorpaySubscriptionId);
  await runtime.prisma.$transaction(async (tx) => {
    const link = await tx.gatewaySubscription.findUnique({ where: { razorpaySubscriptionId } });
    if (!link) return;
    await tx.gatewaySubscription.update({ where: { id: link.id }, data: { status: entity.status } });
    const current = await lockSubscription(tx, link.userId);
    if (entity.status === 'authenticated' && entity.start_at !== null) {
      await linkDeferredStart(tx, current, entity);
      return;
    }
    const target = statusFor[entity.status];
    if (!current || current.razorpaySubscriptionId !== razorpaySubscriptionId || !target) return;
    if (target === 'ENDED') {
      if (!(await keepPaidPeriod(tx, current, entity))) await setPlan(tx, link.userId, 'FREE', correlationId);
      return;
    }
    if (target === current.status && current.failedCharges === entity.auth_attempts) return;
    const updated = await tx.subscription.update({
      where: { id: current.id },
      data: { status: target, failedCharges: entity.auth_attempts },
    });
    if (target !== current.status) {
      const plan = await tx.plan.findUniqueOrThrow({ where: { id: updated.planId } });
      await announceSubscription(tx, updated, plan.tier, correlationId);
    }
  }, txOptions);
}

/**
 * After an in-cycle upgrade is paid, Razorpay is moved to the plan we now run, so the next renewal
 * charges it. Compares and patches only on a difference: safe to call again after any retry.
 */
export async function convergeGatewayPlan(runtime: BillingRuntime, userId: string): Promise<void> {
  const subscription = await runtime.prisma.subscription.findUnique({
    where: { userId },
    include: { plan: true },
  });
  const id = subscription?.razorpaySubscriptionId;
  if (!subscription || !id || subscription.status !== 'ACTIVE' || subscription.pendingPlanId) return;
  const planId = await razorpayPlanIdOf(runtime, subscription.plan);
  const entity = await runtime.razorpay.fetchSubscription(id);
  if (entity.plan_id !== planId) await runtime.razorpay.changeSubscriptionPlan(id, planId, 'now');
}

/** Called after a plan payment is recorded: an in-cycle upgrade moves Razorpay's plan too. */
export async function afterPlanPayment(runtime: BillingRuntime, payment: Payment | null): Promise<void> {
  if (!payment || (payment.status !== 'CAPTURED' && payment.status !== 'PARTIALLY_REFUNDED')) return;
  const order = await runtime.prisma.paymentOrder.findUnique({ where: { id: payment.orderId } });
  if (order?.razorpaySubscriptionId && !isRecurringCharge(order)) {
    await convergeGatewayPlan(runtime, payment.userId);
  }
}

/** A fully refunded payment of a renewing subscription ends it at Razorpay, at once. */
export async function stopRenewalAfterFullRefund(runtime: BillingRuntime, paymentId: string): Promise<void> {
  const payment = await runtime.prisma.payment.findUnique({
    where: { id: paymentId },
    include: { order: true },
  });
  const id = payment?.order.razorpaySubscriptionId;
  if (!payment || payment.status !== 'REFUNDED' || !id) return;
  const entity = await runtime.razorpay.fetchSubscription(id);
  if (!TERMINAL_STATUSES.includes(entity.status)) await runtime.razorpay.cancelSubscription(id, false);
}
