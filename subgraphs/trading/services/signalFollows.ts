import { requireOwnedRow, requireViewer } from '../../../platform/auth/access';
import { BadUserInputError, ConflictError, PaymentRequiredError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { SignalSourceRef } from '../../../platform/events/topics';
import type { TransactionClient } from '../../../platform/prisma';
import type { SignalFollow } from '../../../platform/prisma/generated/client';
import type { TradingContext } from '../context';
import type { FollowSignalSourceInput } from '../generated/resolvers-types';
import { positiveDecimal } from './orderInput';

/** "strategy:macd-crossover" or "analyst:<uuid>": how a follow and a signal find each other. */
export const sourceKey = (kind: 'STRATEGY' | 'ANALYST', source: string) => `${kind.toLowerCase()}:${source}`;

/**
 * Trading's copy of a signals source, from the SignalPublished that names it (the seed writes the
 * strategies' beforehand): a source becomes followable with its first signal at the latest.
 */
export async function recordSignalSource(tx: TransactionClient, source: SignalSourceRef): Promise<void> {
  if (!isUuid(source.id)) return;
  await tx.tradingSignalSource.upsert({
    where: { id: source.id },
    create: source,
    update: { kind: source.kind, key: source.key },
  });
}

export function createSignalFollowService() {
  return {
    async follow(ctx: TradingContext, input: FollowSignalSourceInput): Promise<SignalFollow> {
      const viewer = requireViewer(ctx.viewer, 'follow a signal source');
      if (viewer.tier === 'FREE')
        throw new PaymentRequiredError('Following a signal source needs PREMIUM or ENTERPRISE');
      const source = isUuid(input.sourceId)
        ? await ctx.prisma.tradingSignalSource.findUnique({ where: { id: input.sourceId } })
        : null;
      if (!source || (source.kind !== 'STRATEGY' && source.kind !== 'ANALYST')) {
        throw new BadUserInputError('sourceId must be the id of one of signalSources', 'sourceId');
      }
      const sizingValue = positiveDecimal(input.sizingValue, 'sizingValue');
      if (input.sizing === 'PERCENT_OF_CASH' && sizingValue.gt(100)) {
        throw new BadUserInputError('A percentage is at most 100', 'sizingValue');
      }
      const key = sourceKey(source.kind, source.key);
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
      const data = { sizing: input.sizing, sizingValue, active: true, sourceId: source.id };
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
