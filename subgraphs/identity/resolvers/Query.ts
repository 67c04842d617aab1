import { requireOwner, STAFF } from '../../../platform/auth/access';
import type { QueryResolvers } from '../generated/resolvers-types';
import { kycReviewQueue } from '../services/kyc';
import { userAnalytics } from '../services/userAnalytics';
import type { IdentityServices } from './services';

export function createQueryResolvers({ users }: IdentityServices): QueryResolvers {
  return {
    me: (_parent, _args, ctx) => (ctx.viewer ? users.findUser(ctx, ctx.viewer.userId) : null),
    user: (_parent, { id }, ctx) => {
      // Anyone but staff asking for another user learns nothing, not even whether the id exists.
      requireOwner(ctx.viewer, id, 'User', id, STAFF);
      return users.findUser(ctx, id);
    },
    kycReviewQueue: (_parent, { first }, ctx) => kycReviewQueue(ctx, first ?? 20),
    userAnalytics: (_parent, { from, to }, ctx) => userAnalytics(ctx, from, to),
  };
}
