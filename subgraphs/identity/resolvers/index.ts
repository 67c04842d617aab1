import type { Resolvers } from '../generated/resolvers-types';
import { DateTimeScalar } from '../../../platform/scalars';
import { ForbiddenError } from '../../../platform/errors';
import { canSeePrivateFields, type UserService } from '../services/users';

export function createIdentityResolvers(users: UserService): Resolvers {
  return {
    DateTime: DateTimeScalar,
    Query: {
      me: (_parent, _args, ctx) => (ctx.viewer ? users.findUser(ctx, ctx.viewer.userId) : null),
      user: (_parent, { id }, ctx) => {
        if (!canSeePrivateFields(ctx.viewer, id))
          throw new ForbiddenError('Only admins can look up other users');
        return users.findUser(ctx, id);
      },
    },
    Mutation: {
      register: (_parent, { input }, ctx) => users.register(ctx, input),
      login: (_parent, { input }, ctx) => users.login(ctx, input),
    },
    User: {
      __resolveReference: (reference, ctx) => users.findUser(ctx, reference.id),
      email: (user, _args, ctx) => (canSeePrivateFields(ctx.viewer, user.id) ? user.email : null),
      roles: (user) => user.roles,
    },
  };
}
