import { ForbiddenError } from '../../../platform/errors';
import type { QueryResolvers } from '../generated/resolvers-types';
import { canSeePersonalData } from '../services/authorization';
import { kycReviewQueue } from '../services/kyc';
import { userAnalytics } from '../services/userAnalytics';
import type { IdentityServices } from './services';

export function createQueryResolvers({ users }: IdentityServices): QueryResolvers {
  return {
    me: (_parent, _args, ctx) => (ctx.viewer ? users.findUser(ctx, ctx.viewer.userId) : null),
    user: (_parent, { id }, ctx) => {
      if (!canSeePersonalData(ctx.viewer, id)) throw new ForbiddenError('Only staff can look up other users');
      return users.findUser(ctx, id);
    },
    kycReviewQueue: (_parent, { first }, ctx) => kycReviewQueue(ctx, first ?? 20),
    userAnalytics: (_parent, { from, to }, ctx) => userAnalytics(ctx, from, to),
  };
}
