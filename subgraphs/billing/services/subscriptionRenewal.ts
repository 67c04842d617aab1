import type { GatewaySubscription, Subscription } from '../../../platform/prisma/generated/client';
import { openGatewaySubscription } from './gatewaySubscriptions';
import { requestHash } from './idempotency';
import type { BillingRuntime } from './runtime';

const successorKey = (razorpaySubscriptionId: string) => `resume:${razorpaySubscriptionId}`;

/**
 * The subscription that continues `razorpaySubscriptionId` (cancelled at its cycle end) on the same
 * plan from that cycle end: one per cancelled subscription, however often the user resumes.
 */
export async function renewAfter(
  runtime: BillingRuntime,
  subscription: Subscription,
  razorpaySubscriptionId: string,
): Promise<GatewaySubscription> {
  const plan = await runtime.prisma.plan.findUniqueOrThrow({ where: { id: subscription.planId } });
  const old = await runtime.prisma.gatewaySubscription.findUnique({ where: { razorpaySubscriptionId } });
  const placeOfSupply = old?.placeOfSupply ?? runtime.settings.gstHomeState;
  const end = subscription.currentPeriodEnd;
  return openGatewaySubscription(runtime, {
    userId: subscription.userId,
    plan,
    idempotencyKey: successorKey(razorpaySubscriptionId),
    requestHash: requestHash({ planId: plan.id, placeOfSupply, resumes: razorpaySubscriptionId }),
    placeOfSupply,
    startAt: end && end.getTime() > Date.now() + 60_000 ? end : undefined,
  });
}

/** The renewal a resumed subscription waits for the customer to authorise, if any. */
export async function pendingRenewal(
  runtime: BillingRuntime,
  subscription: Subscription,
): Promise<GatewaySubscription | null> {
  if (!subscription.cancelAtPeriodEnd || !subscription.razorpaySubscriptionId) return null;
  return runtime.prisma.gatewaySubscription.findFirst({
    where: {
      userId: subscription.userId,
      idempotencyKey: successorKey(subscription.razorpaySubscriptionId),
      status: 'created',
    },
  });
}
