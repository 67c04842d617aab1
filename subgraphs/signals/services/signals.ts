import type { Role } from '../../../platform/auth/viewer';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import { Prisma } from '../../../platform/prisma';
import type { Signal } from '../../../platform/prisma/generated/client';
import type { SignalsContext } from '../context';
import { enqueueSignalPublished } from '../events';
import type { PublishSignalInput } from '../generated/resolvers-types';
import { PUBLISHED_SIGNALS_CAP } from '../loaders';
import { boundedCount, parseInput, parseSequence, publishSignalInputSchema } from './validation';

export const MAX_SIGNALS = 100;

const PUBLISHER_ROLES: readonly Role[] = ['ANALYST', 'ADMIN'];

export function createSignalService() {
  return {
    /** Newest first; with `afterSequence`, the next ones after it, oldest first (a reconnecting client's catch-up). */
    listSignals(
      ctx: SignalsContext,
      last: number,
      afterSequence: string | null | undefined,
    ): Promise<Signal[]> {
      // Tier gating (delay, history depth, signals per day from the viewer's plan) belongs here, before the query.
      const take = boundedCount(last, MAX_SIGNALS, 'last');
      if (afterSequence === null || afterSequence === undefined) {
        return ctx.prisma.signal.findMany({ orderBy: { sequence: 'desc' }, take });
      }
      const after = parseSequence(afterSequence, 'afterSequence');
      return ctx.prisma.signal.findMany({
        where: { sequence: { gt: after } },
        orderBy: { sequence: 'asc' },
        take,
      });
    },

    async findSignal(ctx: SignalsContext, id: string): Promise<Signal | null> {
      if (!isUuid(id)) return null;
      return ctx.loaders.signalById.load(id);
    },

    async publishedBy(ctx: SignalsContext, authorId: string, last: number): Promise<Signal[]> {
      const count = boundedCount(last, PUBLISHED_SIGNALS_CAP, 'last');
      if (!isUuid(authorId)) return [];
      return (await ctx.loaders.signalsByAuthorId.load(authorId)).slice(0, count);
    },

    async publish(ctx: SignalsContext, raw: PublishSignalInput): Promise<Signal> {
      const viewer = ctx.viewer;
      if (!viewer) throw new UnauthenticatedError();
      if (!viewer.roles.some((role) => PUBLISHER_ROLES.includes(role))) {
        throw new ForbiddenError('Only analysts and admins can publish signals');
      }
      const input = parseInput(publishSignalInputSchema, raw);
      const instrument = await ctx.prisma.instrument.findUnique({ where: { symbol: input.symbol } });
      if (!instrument)
        throw new BadUserInputError(`symbol ${input.symbol} is not a known instrument`, 'symbol');
      if (!new Prisma.Decimal(input.price).mod(instrument.tickSize).isZero()) {
        throw new BadUserInputError(
          `price must be a multiple of the tick size ${instrument.tickSize.toString()}`,
          'price',
        );
      }
      return ctx.prisma.$transaction(async (tx) => {
        const signal = await tx.signal.create({
          data: {
            instrumentId: instrument.id,
            side: input.side,
            strategy: input.strategy,
            price: input.price,
            confidence: input.confidence,
            authorId: viewer.userId,
          },
        });
        await enqueueSignalPublished(tx, signal, instrument, ctx.correlationId);
        return signal;
      });
    },
  };
}

export type SignalService = ReturnType<typeof createSignalService>;
