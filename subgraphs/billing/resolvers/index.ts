import { BadUserInputError, NotFoundError } from '../../../platform/errors';
import { money } from '../../../platform/money';
import { DateTimeScalar } from '../../../platform/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import { requireRole } from '../../../platform/auth/access';
import { invoiceService } from '../services/invoiceQueries';
import { accountBalances } from '../services/ledger';
import { orderService } from '../services/orders';
import { paymentService } from '../services/payments';
import { PLAN_INTERVALS } from '../services/planPeriods';
import { refundService } from '../services/refunds';
import type { BillingRuntime } from '../services/runtime';
import { grantPlan } from '../services/planGrants';
import { subscriptionLifecycle } from '../services/subscriptionLifecycle';
import { pendingRenewal } from '../services/subscriptionRenewal';
import { subscriptionService } from '../services/subscriptions';
import { operationResolvers } from './operations';
import { paymentResolvers } from './payments';
import { assertMayReadCourseRevenue } from '../services/courseRevenue';

export function createBillingResolvers(runtime: BillingRuntime): Resolvers {
  const operations = operationResolvers(runtime);
  return {
    ...paymentResolvers(runtime),
    DateTime: DateTimeScalar,
    Query: {
      plans: (_parent, { interval }, ctx) => {
        const wanted = interval ?? 'MONTH';
        if (!PLAN_INTERVALS.includes(wanted)) throw new BadUserInputError('Unknown interval', 'interval');
        return ctx.prisma.plan.findMany({ where: { interval: wanted }, orderBy: { priceMinor: 'asc' } });
      },
      order: (_parent, { id }, ctx) => orderService.byId(ctx, id),
      payment: (_parent, { id }, ctx) => paymentService.byId(ctx, id),
      ledgerBalances: async (_parent, { currency }, ctx) => {
        requireRole(ctx.viewer, 'ADMIN');
        return (await accountBalances(ctx.prisma)).filter((row) => row.currency === (currency ?? 'INR'));
      },
      complianceReviews: (_parent, _args, ctx) => {
        requireRole(ctx.viewer, 'ADMIN');
        return ctx.prisma.complianceReview.findMany({ orderBy: { createdAt: 'desc' }, take: 200 });
      },
      ...operations.Query,
    },
    Mutation: {
      grantPlan: (_parent, { userId, tier }, ctx) => grantPlan(ctx, runtime, userId, tier),
      createOrder: (_parent, { input }, ctx) => orderService.createOrder(ctx, runtime, input),
      verifyPayment: (_parent, { input }, ctx) => paymentService.verifyPayment(ctx, runtime, input),
      refundPayment: (_parent, { input }, ctx) => refundService.refundPayment(ctx, runtime, input),
      cancelSubscription: (_parent, _args, ctx) => subscriptionLifecycle.cancelAtPeriodEnd(ctx, runtime),
      resumeSubscription: (_parent, _args, ctx) => subscriptionLifecycle.resume(ctx, runtime),
      pauseSubscription: (_parent, _args, ctx) => subscriptionLifecycle.pause(ctx, runtime),
      changePlan: (_parent, { planId }, ctx) => subscriptionLifecycle.scheduleDowngrade(ctx, runtime, planId),
      ...operations.Mutation,
    },
    CourseAnalytics: {
      __resolveReference: (reference, ctx) => {
        assertMayReadCourseRevenue(ctx.viewer);
        return ctx.loaders.courseRevenueByCourseId.load(reference.courseId);
      },
      revenue: (row) => money(row.capturedMinor - row.refundedMinor, row.currency),
      refunds: (row) => money(row.refundedMinor, row.currency),
    },
    Plan: {
      __resolveReference: (reference, ctx) => ctx.loaders.planById.load(reference.id),
      price: (plan) => money(plan.priceMinor, plan.currency),
    },
    PlanSubscription: {
      __resolveReference: (reference, ctx) => subscriptionService.byId(ctx, reference.id),
      plan: async (subscription, _args, ctx) => {
        const plan = await ctx.loaders.planById.load(subscription.planId);
        if (!plan) throw new NotFoundError('Plan', subscription.planId);
        return plan;
      },
      autoRenews: (subscription) => subscription.razorpaySubscriptionId !== null,
      renewalCheckout: async (subscription, _args, ctx) => {
        const pending = await pendingRenewal(runtime, subscription);
        if (!pending) return null;
        const plan = await ctx.loaders.planById.load(pending.planId);
        if (!plan) throw new NotFoundError('Plan', pending.planId);
        return { ...pending, razorpayKeyId: runtime.razorpay.settings.keyId, plan };
      },
      pendingPlan: (subscription, _args, ctx) =>
        subscription.pendingPlanId ? ctx.loaders.planById.load(subscription.pendingPlanId) : null,
    },
    User: {
      __resolveReference: (reference) => ({ id: reference.id }),
      tier: (user, _args, ctx) => subscriptionService.tierOf(ctx, user.id),
      subscription: (user, _args, ctx) => subscriptionService.forUser(ctx, user.id),
      invoices: (user, _args, ctx) => invoiceService.forUser(ctx, user.id),
      orders: (user, _args, ctx) => invoiceService.ordersOf(ctx, user.id),
    },
  };
}
