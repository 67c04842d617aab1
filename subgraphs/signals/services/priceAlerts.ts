import { requireOwnedRow, requireViewer } from '../../../platform/auth/access';
import { BadUserInputError, ConflictError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { PriceAlert } from '../../../platform/prisma/generated/client';
import type { SignalsContext } from '../context';
import type { CreatePriceAlertInput } from '../generated/resolvers-types';
import { assertOnTickGrid } from './signals';
import { createPriceAlertInputSchema, parseInput } from './validation';

/** Active alerts per user: each one costs a row scan on every tick of its instrument. */
export const MAX_ACTIVE_ALERTS = 50;
const MAX_LISTED_ALERTS = 200;

// Alerts are their owner's alone: no staff role reads another user's.
const OWNER_ONLY = [] as const;

/** Alerts are private: another user's alert is reported as missing (NOT_FOUND). */
export function createPriceAlertService() {
  return {
    async create(ctx: SignalsContext, raw: CreatePriceAlertInput): Promise<PriceAlert> {
      const viewer = requireViewer(ctx.viewer);
      const input = parseInput(createPriceAlertInputSchema, raw);
      const instrument = await ctx.prisma.instrument.findUnique({ where: { symbol: input.symbol } });
      if (!instrument)
        throw new BadUserInputError(`symbol ${input.symbol} is not a known instrument`, 'symbol');
      assertOnTickGrid(instrument, input.price, 'price');
      const active = await ctx.prisma.priceAlert.count({
        where: { userId: viewer.userId, status: 'ACTIVE' },
      });
      if (active >= MAX_ACTIVE_ALERTS)
        throw new ConflictError(`At most ${MAX_ACTIVE_ALERTS} active price alerts; cancel one first`);
      return ctx.prisma.priceAlert.create({
        data: {
          userId: viewer.userId,
          instrumentId: instrument.id,
          direction: input.direction,
          price: input.price,
        },
      });
    },

    async cancel(ctx: SignalsContext, id: string): Promise<PriceAlert> {
      const viewer = requireViewer(ctx.viewer);
      const alert = isUuid(id) ? await ctx.prisma.priceAlert.findUnique({ where: { id } }) : null;
      requireOwnedRow(viewer, alert, 'PriceAlert', id, OWNER_ONLY);
      // Conditional: a tick may trigger it between the read and this write.
      const { count } = await ctx.prisma.priceAlert.updateMany({
        where: { id, status: 'ACTIVE' },
        data: { status: 'CANCELLED' },
      });
      if (count === 0) throw new ConflictError(`Price alert ${id} is no longer active`);
      return ctx.prisma.priceAlert.findUniqueOrThrow({ where: { id } });
    },

    list(ctx: SignalsContext): Promise<PriceAlert[]> {
      const viewer = requireViewer(ctx.viewer);
      return ctx.prisma.priceAlert.findMany({
        where: { userId: viewer.userId },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: MAX_LISTED_ALERTS,
      });
    },

    async find(ctx: SignalsContext, id: string): Promise<PriceAlert> {
      const alert = isUuid(id) ? await ctx.prisma.priceAlert.findUnique({ where: { id } }) : null;
      return requireOwnedRow(ctx.viewer, alert, 'PriceAlert', id, OWNER_ONLY);
    },
  };
}

export type PriceAlertService = ReturnType<typeof createPriceAlertService>;
