import type { Viewer } from '../../../platform/auth/viewer';
import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  UnauthenticatedError,
} from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { PriceAlert } from '../../../platform/prisma/generated/client';
import type { SignalsContext } from '../context';
import type { CreatePriceAlertInput } from '../generated/resolvers-types';
import { assertOnTickGrid } from './signals';
import { createPriceAlertInputSchema, parseInput } from './validation';

/** Active alerts per user: each one costs a row scan on every tick of its instrument. */
export const MAX_ACTIVE_ALERTS = 50;
const MAX_LISTED_ALERTS = 200;

function requireViewer(ctx: SignalsContext): Viewer {
  if (!ctx.viewer) throw new UnauthenticatedError();
  return ctx.viewer;
}

/** Alerts are private: another user's alert is reported as missing. */
export function createPriceAlertService() {
  return {
    async create(ctx: SignalsContext, raw: CreatePriceAlertInput): Promise<PriceAlert> {
      const viewer = requireViewer(ctx);
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
      const viewer = requireViewer(ctx);
      const alert = isUuid(id) ? await ctx.prisma.priceAlert.findUnique({ where: { id } }) : null;
      if (!alert || alert.userId !== viewer.userId) throw new NotFoundError('PriceAlert', id);
      // Conditional: a tick may trigger it between the read and this write.
      const { count } = await ctx.prisma.priceAlert.updateMany({
        where: { id, status: 'ACTIVE' },
        data: { status: 'CANCELLED' },
      });
      if (count === 0) throw new ConflictError(`Price alert ${id} is no longer active`);
      return ctx.prisma.priceAlert.findUniqueOrThrow({ where: { id } });
    },

    list(ctx: SignalsContext): Promise<PriceAlert[]> {
      const viewer = requireViewer(ctx);
      return ctx.prisma.priceAlert.findMany({
        where: { userId: viewer.userId },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: MAX_LISTED_ALERTS,
      });
    },

    async find(ctx: SignalsContext, id: string): Promise<PriceAlert | null> {
      if (!ctx.viewer || !isUuid(id)) return null;
      const alert = await ctx.prisma.priceAlert.findUnique({ where: { id } });
      return alert?.userId === ctx.viewer.userId ? alert : null;
    },
  };
}

export type PriceAlertService = ReturnType<typeof createPriceAlertService>;
