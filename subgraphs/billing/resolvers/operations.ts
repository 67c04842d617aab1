import { NotFoundError } from '../../../platform/errors';
import { money } from '../../../platform/money';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types';
import { requireRole } from '../../../platform/auth/access';
import { gatewaySubscriptionService } from '../services/gatewaySubscriptions';
import { invoiceService } from '../services/invoiceQueries';
import { reconcilePayments, reconciliationReports } from '../services/reconciliation';
import { revenueAnalytics } from '../services/revenueAnalytics';
import { runRevenueRecognition } from '../services/revenueRecognition';
import type { BillingRuntime } from '../services/runtime';

/** Renewing subscriptions, recognition, reconciliation reports, invoice files and revenue analytics. */
export function operationResolvers(runtime: BillingRuntime): {
  Query: QueryResolvers;
  Mutation: MutationResolvers;
} {
  return {
    Query: {
      reconciliationReports: (_parent, { first }, ctx) => {
        requireRole(ctx.viewer, 'ADMIN');
        return reconciliationReports(runtime, first ?? 20);
      },
      invoiceDocument: (_parent, { id, format }, ctx) => invoiceService.document(ctx, id, format ?? 'HTML'),
      revenueAnalytics: (_parent, { from, to }, ctx) => {
        requireRole(ctx.viewer, 'ADMIN');
        return revenueAnalytics(ctx.prisma, from, to);
      },
    },
    Mutation: {
      reconcilePayments: (_parent, { since }, ctx) => {
        requireRole(ctx.viewer, 'ADMIN');
        return reconcilePayments(runtime, since);
      },
      subscribe: async (_parent, { input }, ctx) => {
        const started = await gatewaySubscriptionService.subscribe(ctx, runtime, input);
        const plan = await ctx.loaders.planById.load(started.planId);
        if (!plan) throw new NotFoundError('Plan', started.planId);
        return { ...started, razorpayKeyId: runtime.razorpay.settings.keyId, plan };
      },
      runRevenueRecognition: async (_parent, { asOf }, ctx) => {
        requireRole(ctx.viewer, 'ADMIN');
        const run = await runRevenueRecognition(ctx.prisma, asOf ?? new Date());
        return { schedules: run.schedules, recognized: money(run.recognizedMinor, 'INR') };
      },
    },
  };
}
