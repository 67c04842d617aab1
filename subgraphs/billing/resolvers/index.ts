import { NotFoundError } from '../../../platform/errors';
import { money } from '../../../platform/money';
import { DateTimeScalar } from '../../../platform/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import { subscriptionService } from '../services/subscriptions';

export function createBillingResolvers(): Resolvers {
  return {
    DateTime: DateTimeScalar,
    Query: {
      plans: (_parent, _args, ctx) => ctx.prisma.plan.findMany({ orderBy: { priceMinor: 'asc' } }),
    },
    Mutation: {
      grantPlan: (_parent, { userId, tier }, ctx) => subscriptionService.grantPlan(ctx, userId, tier),
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
    },
    User: {
      __resolveReference: (reference) => ({ id: reference.id }),
      tier: (user, _args, ctx) => subscriptionService.tierOf(ctx, user.id),
      subscription: (user, _args, ctx) => subscriptionService.forUser(ctx, user.id),
    },
  };
}
