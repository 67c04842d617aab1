import { BadUserInputError, NotFoundError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { GatewaySubscription, Plan, Subscription } from '../../../platform/prisma/generated/client';
import type { BillingContext } from '../context';
import { requireViewer } from '../../../platform/auth/access';
import { parsePlaceOfSupply } from './gstStates';
import { assertIdempotencyKey, assertSameRequest, requestHash } from './idempotency';
import { monthsOf } from './planPeriods';
import { RazorpayError } from './razorpayClient';
import type { BillingRuntime } from './runtime';

export interface SubscribeInput {
  planId: string;
  idempotencyKey: string;
  placeOfSupply?: string | null;
}

/** Cancels a subscription at Razorpay at once; one that has ended already (400) is left as it is. */
export async function endAtRazorpay(runtime: BillingRuntime, razorpaySubscriptionId: string): Promise<void> {
  await runtime.razorpay.cancelSubscription(razorpaySubscriptionId, false).catch((error: unknown) => {
    if (!(error instanceof RazorpayError) || error.status !== 400) throw error;
  });
}

/** The plan's twin at Razorpay, created on first use (a lost race leaves one unused plan there). */
export async function razorpayPlanIdOf(runtime: BillingRuntime, plan: Plan): Promise<string> {
  if (plan.razorpayPlanId) return plan.razorpayPlanId;
  const created = await runtime.razorpay.createPlan({
    name: plan.name,
    amountMinor: plan.priceMinor,
    currency: plan.currency,
    months: monthsOf(plan.interval),
  });
  await runtime.prisma.plan.updateMany({
    where: { id: plan.id, razorpayPlanId: null },
    data: { razorpayPlanId: created.id },
  });
  const stored = await runtime.prisma.plan.findUniqueOrThrow({ where: { id: plan.id } });
  return stored.razorpayPlanId!;
}

/**
 * When a new renewing subscription's first charge may happen: now, or (Razorpay start_at) at the end of
 * a period already paid for (a one-off plan purchase, a grant, or a renewing subscription cancelled at
 * its cycle end), so paid days are never charged twice. Throws when a subscription still renews.
 */
export function firstChargeAt(current: Subscription | null, now = new Date()): Date | undefined {
  if (!current) return undefined;
  const renewing =
    current.razorpaySubscriptionId && current.status !== 'HALTED' && !current.cancelAtPeriodEnd;
  if (renewing) {
    throw new BadUserInputError(
      'You already have a renewing subscription: upgrade with createOrder or downgrade with changePlan',
      'planId',
    );
  }
  const paidUntil =
    current.status === 'ACTIVE' || current.status === 'PAUSED' ? current.currentPeriodEnd : null;
  // Razorpay wants start_at in the future; a period ending within a minute starts the new one now.
  return paidUntil && paidUntil.getTime() > now.getTime() + 60_000 ? paidUntil : undefined;
}

interface OpenInput {
  userId: string;
  plan: Plan;
  idempotencyKey: string;
  requestHash: string;
  placeOfSupply: string;
  startAt: Date | undefined;
}

/**
 * Creates the subscription at Razorpay and our link to it, once per (user, idempotency key): a replay
 * returns the first link, other input under the same key is a CONFLICT.
 */
export async function openGatewaySubscription(
  runtime: BillingRuntime,
  input: OpenInput,
): Promise<GatewaySubscription> {
  const { prisma } = runtime;
  const key = { userId_idempotencyKey: { userId: input.userId, idempotencyKey: input.idempotencyKey } };
  const previous = await prisma.gatewaySubscription.findUnique({ where: key });
  if (previous) {
    assertSameRequest(previous.requestHash, input.requestHash);
    return previous;
  }
  const razorpayPlanId = await razorpayPlanIdOf(runtime, input.plan);
  const entity = await runtime.razorpay.createSubscription(
    razorpayPlanId,
    { user_id: input.userId, plan: input.plan.id },
    input.startAt,
  );
  try {
    return await prisma.gatewaySubscription.create({
      data: {
        razorpaySubscriptionId: entity.id,
        userId: input.userId,
        planId: input.plan.id,
        idempotencyKey: input.idempotencyKey,
        requestHash: input.requestHash,
        placeOfSupply: input.placeOfSupply,
        status: entity.status,
        shortUrl: entity.short_url,
      },
    });
  } catch (error) {
    // A concurrent request with the same key won; its twin at Razorpay is never authorised.
    const winner = await prisma.gatewaySubscription.findUnique({ where: key });
    if (!winner) throw error;
    assertSameRequest(winner.requestHash, input.requestHash);
    return winner;
  }
}

export const gatewaySubscriptionService = {
  /**
   * Starts an auto-renewing subscription at Razorpay. The customer authorises it in Checkout (with
   * `razorpaySubscriptionId`); the plan takes effect when Razorpay reports the first charge, which
   * waits for the end of any period already paid for (see firstChargeAt).
   */
  async subscribe(
    ctx: BillingContext,
    runtime: BillingRuntime,
    input: SubscribeInput,
  ): Promise<GatewaySubscription> {
    const viewer = requireViewer(ctx.viewer);
    assertIdempotencyKey(input.idempotencyKey);
    const placeOfSupply = parsePlaceOfSupply(input.placeOfSupply, runtime.settings.gstHomeState);
    const hash = requestHash({ planId: input.planId, placeOfSupply });
    const key = { userId_idempotencyKey: { userId: viewer.userId, idempotencyKey: input.idempotencyKey } };
    const previous = await ctx.prisma.gatewaySubscription.findUnique({ where: key });
    if (previous) {
      assertSameRequest(previous.requestHash, hash);
      return previous;
    }
    const plan = isUuid(input.planId)
      ? await ctx.prisma.plan.findUnique({ where: { id: input.planId } })
      : null;
    if (!plan) throw new NotFoundError('Plan', input.planId);
    if (plan.priceMinor <= 0n) throw new BadUserInputError('The free plan needs no payment', 'planId');
    const current = await ctx.prisma.subscription.findUnique({ where: { userId: viewer.userId } });
    const startAt = firstChargeAt(current);
    if (current?.razorpaySubscriptionId && current.status === 'HALTED') {
      // The halted one is ended at Razorpay so it cannot come back to life next to the new one.
      await endAtRazorpay(runtime, current.razorpaySubscriptionId);
    }
    return openGatewaySubscription(runtime, {
      userId: viewer.userId,
      plan,
      idempotencyKey: input.idempotencyKey,
      requestHash: hash,
      placeOfSupply,
      startAt,
    });
  },
};
