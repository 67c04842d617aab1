import { BadUserInputError, ForbiddenError, NotFoundError } from '../../../platform/errors';
import { viewerHasVerifiedKyc } from '../../../platform/permissions';
import { isUuid } from '../../../platform/loaders';
import type { Plan, PaymentOrder } from '../../../platform/prisma/generated/client';
import type { BillingContext } from '../context';
import { requireOwnedRow, requireViewer } from '../../../platform/auth/access';
import { assertIdempotencyKey, assertSameRequest, requestHash } from './idempotency';
import { parsePlaceOfSupply } from './gstStates';
import { parseBuyerGstin } from './gstin';
import { prorateUpgrade, unusedCredit } from './planPeriods';
import type { BillingRuntime } from './runtime';

export interface CreateOrderInput {
  planId?: string | null;
  courseId?: string | null;
  idempotencyKey: string;
  placeOfSupply?: string | null;
  buyerGstin?: string | null;
}

/** Razorpay's smallest order: ₹1. */
const MINIMUM_CHARGE_MINOR = 100n;
/** Payments above ₹50,000 (in paise) need the payer's KYC to be verified. */
export const KYC_REQUIRED_ABOVE_MINOR = 5_000_000n;

interface Priced {
  purpose: 'COURSE' | 'SUBSCRIPTION';
  amountMinor: bigint;
  currency: string;
  creditMinor: bigint;
  razorpaySubscriptionId?: string | null;
  periodEnd?: Date | null;
}

const atLeastMinimum = (minor: bigint) => (minor < MINIMUM_CHARGE_MINOR ? MINIMUM_CHARGE_MINOR : minor);

/**
 * An upgrade is charged its price less the unused value of the paid plan it replaces. A subscription
 * Razorpay renews keeps its period: the upgrade pays the new plan's share of the days left less the
 * old plan's share (planPeriods.prorateUpgrade), and the next renewal charges the new price.
 */
async function planPrice(ctx: BillingContext, plan: Plan, userId: string): Promise<Priced> {
  if (plan.priceMinor <= 0n) throw new BadUserInputError('The free plan needs no payment', 'planId');
  const current = await ctx.prisma.subscription.findUnique({ where: { userId }, include: { plan: true } });
  const replacing = current && current.status === 'ACTIVE' && current.planId !== plan.id ? current : null;
  if (replacing?.razorpaySubscriptionId && replacing.currentPeriodEnd) {
    if (plan.priceMinor <= replacing.plan.priceMinor || plan.interval !== replacing.plan.interval) {
      throw new BadUserInputError(
        'A renewing subscription upgrades to a dearer plan of its interval; downgrade with changePlan',
        'planId',
      );
    }
    const proration = prorateUpgrade(
      replacing.plan.priceMinor,
      plan.priceMinor,
      replacing.currentPeriodStart,
      replacing.currentPeriodEnd,
      new Date(),
    );
    const amountMinor = atLeastMinimum(proration.chargeMinor);
    return {
      purpose: 'SUBSCRIPTION',
      amountMinor,
      currency: plan.currency,
      creditMinor: proration.creditMinor,
      razorpaySubscriptionId: replacing.razorpaySubscriptionId,
      periodEnd: replacing.currentPeriodEnd,
    };
  }
  const credit = replacing
    ? unusedCredit(
        replacing.plan.priceMinor,
        replacing.currentPeriodStart,
        replacing.currentPeriodEnd,
        new Date(),
      )
    : 0n;
  if (replacing && replacing.plan.priceMinor > plan.priceMinor && credit > 0n) {
    throw new BadUserInputError('Downgrades take effect at the period end: use changePlan', 'planId');
  }
  const amountMinor = atLeastMinimum(plan.priceMinor - credit);
  return {
    purpose: 'SUBSCRIPTION',
    amountMinor,
    currency: plan.currency,
    creditMinor: plan.priceMinor - amountMinor,
  };
}

async function price(ctx: BillingContext, input: CreateOrderInput, userId: string): Promise<Priced> {
  if (input.planId) {
    const plan = isUuid(input.planId)
      ? await ctx.prisma.plan.findUnique({ where: { id: input.planId } })
      : null;
    if (!plan) throw new NotFoundError('Plan', input.planId);
    return planPrice(ctx, plan, userId);
  }
  const courseId = input.courseId!;
  const course = isUuid(courseId) ? await ctx.prisma.coursePrice.findUnique({ where: { courseId } }) : null;
  if (!course) throw new NotFoundError('Course', courseId);
  if (course.priceMinor <= 0n) throw new BadUserInputError('Free courses need no payment', 'courseId');
  return { purpose: 'COURSE', amountMinor: course.priceMinor, currency: course.currency, creditMinor: 0n };
}

export const orderService = {
  async createOrder(
    ctx: BillingContext,
    runtime: BillingRuntime,
    input: CreateOrderInput,
  ): Promise<PaymentOrder> {
    const viewer = requireViewer(ctx.viewer);
    if (!input.planId === !input.courseId) {
      throw new BadUserInputError(
        'Give exactly one of planId and courseId',
        input.planId ? 'courseId' : 'planId',
      );
    }
    assertIdempotencyKey(input.idempotencyKey);
    const buyer = parseBuyerGstin(input.buyerGstin, input.placeOfSupply);
    const placeOfSupply = parsePlaceOfSupply(
      input.placeOfSupply ?? buyer?.state,
      runtime.settings.gstHomeState,
    );
    const buyerGstin = buyer?.gstin ?? null;
    const hash = requestHash({
      planId: input.planId ?? null,
      courseId: input.courseId ?? null,
      placeOfSupply,
      // Only when given, so the hashes of orders from before buyer GSTINs still match their retries.
      ...(buyerGstin ? { buyerGstin } : {}),
    });
    const key = { userId_idempotencyKey: { userId: viewer.userId, idempotencyKey: input.idempotencyKey } };
    const previous = await ctx.prisma.paymentOrder.findUnique({ where: key });
    if (previous) {
      assertSameRequest(previous.requestHash, hash);
      return previous;
    }
    const priced = await price(ctx, input, viewer.userId);
    // Issue 4: only the service knows the amount, so the KYC rule for large payments lives here.
    if (priced.amountMinor > KYC_REQUIRED_ABOVE_MINOR && !viewerHasVerifiedKyc(viewer)) {
      throw new ForbiddenError('Payments above ₹50,000 need verified KYC', { reason: 'KYC_REQUIRED' });
    }
    const gatewayOrder = await runtime.razorpay.createOrder(
      priced.amountMinor,
      priced.currency,
      input.idempotencyKey,
      {
        user_id: viewer.userId,
        purpose: priced.purpose,
      },
    );
    try {
      return await ctx.prisma.paymentOrder.create({
        data: {
          userId: viewer.userId,
          purpose: priced.purpose,
          courseId: input.courseId ?? null,
          planId: input.planId ?? null,
          amountMinor: priced.amountMinor,
          currency: priced.currency,
          creditMinor: priced.creditMinor,
          razorpayOrderId: gatewayOrder.id,
          idempotencyKey: input.idempotencyKey,
          requestHash: hash,
          placeOfSupply,
          buyerGstin,
          razorpaySubscriptionId: priced.razorpaySubscriptionId ?? null,
          periodEnd: priced.periodEnd ?? null,
        },
      });
    } catch (error) {
      // A concurrent request with the same key won the insert; its Razorpay order stays unpaid.
      const winner = await ctx.prisma.paymentOrder.findUnique({ where: key });
      if (!winner) throw error;
      assertSameRequest(winner.requestHash, hash);
      return winner;
    }
  },

  async byId(ctx: BillingContext, id: string): Promise<PaymentOrder> {
    return requireOwnedRow(ctx.viewer, await ctx.loaders.orderById.load(id), 'Order', id);
  },
};
