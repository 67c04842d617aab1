import type { Prisma } from '../../../platform/prisma';
import type { SignalsContext } from '../context';

/** What `MarketTick` resolves from: the latest stored tick of an instrument. */
export interface MarketTickRow {
  instrumentId: string;
  symbol: string;
  price: Prisma.Decimal;
  bid: Prisma.Decimal | null;
  ask: Prisma.Decimal | null;
  at: Date;
}

export function createMarketTickService() {
  return {
    async latest(ctx: SignalsContext, symbol: string): Promise<MarketTickRow | null> {
      const row = await ctx.prisma.marketPrice.findFirst({
        where: { instrument: { symbol: symbol.trim().toUpperCase() } },
        include: { instrument: { select: { symbol: true } } },
      });
      if (!row) return null;
      const { instrument, ...tick } = row;
      return { ...tick, symbol: instrument.symbol };
    },
  };
}

export type MarketTickService = ReturnType<typeof createMarketTickService>;
