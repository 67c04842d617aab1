import { requireOwnedRow, requireViewer } from '../../../platform/auth/access';
import { BadUserInputError, ConflictError, PaymentRequiredError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { SignalFollow } from '../../../platform/prisma/generated/client';
import type { TradingContext } from '../context';
import type { FollowSignalSourceInput } from '../generated/resolvers-types';
import { positiveDecimal } from './orderInput';

const STRATEGY = /^[A-Za-z0-9_-]{1,100}$/;

/** "strategy:SMA_CROSSOVER" or "analyst:<uuid>": how a follow and a signal find each other. */
export const sourceKey = (kind: 'STRATEGY' | 'ANALYST', source: string) => `${kind.toLowerCase()}:${source}`;

export function createSignalFollowService() {
  return {
    async follow(ctx: TradingContext, input: FollowSignalSourceInput): Promise<SignalFollow> {
      const viewer = requireViewer(ctx.viewer, 'follow a signal source');
      if (viewer.tier === 'FREE')
        throw new PaymentRequiredError('Following a signal source needs PREMIUM or ENTERPRISE');
      const source = input.source.trim();
      if (input.kind === 'ANALYST' ? !isUuid(source) : !STRATEGY.test(source)) {
        throw new BadUserInputError(
          input.kind === 'ANALYST' ? 'source must be an analyst id' : 'source must be a strategy name',
          'source',
        );
      }
      const sizingValue = positiveDecimal(input.sizingValue, 'sizingValue');
      if (input.sizing === 'PERCENT_OF_CASH' && sizingValue.gt(100)) {
        throw new BadUserInputError('A percentage is at most 100', 'sizingValue');
      }
      const key = sourceKey(input.kind, source);
      const existing = await ctx.prisma.signalFollow.findUnique({
        where: { userId_source: { userId: viewer.userId, source: key } },
      });
      if (existing?.active)
        throw new ConflictError('You already follow this source', { followId: existing.id });
      // The tier the token vouches for now, unless billing's events already told trading otherwise.
      await ctx.prisma.tradingUserTier.upsert({
        where: { userId: viewer.userId },
        create: { userId: viewer.userId, tier: viewer.tier },
        update: {},
      });
      const data = { sizing: input.sizing, sizingValue, active: true };
      return ctx.prisma.signalFollow.upsert({
        where: { userId_source: { userId: viewer.userId, source: key } },
        create: { userId: viewer.userId, source: key, ...data },
        update: data,
      });
    },

    async unfollow(ctx: TradingContext, id: string): Promise<SignalFollow> {
      const viewer = requireViewer(ctx.viewer, 'manage follows');
      const follow = isUuid(id) ? await ctx.prisma.signalFollow.findUnique({ where: { id } }) : null;
      requireOwnedRow(viewer, follow, 'SignalFollow', id, []);
      return ctx.prisma.signalFollow.update({ where: { id }, data: { active: false } });
    },

    async list(ctx: TradingContext): Promise<SignalFollow[]> {
      const viewer = requireViewer(ctx.viewer, 'see your follows');
      return ctx.prisma.signalFollow.findMany({
        where: { userId: viewer.userId },
        orderBy: { createdAt: 'asc' },
      });
    },
  };
}

export type SignalFollowService = ReturnType<typeof createSignalFollowService>;
