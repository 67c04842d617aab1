import type { Prisma } from '../../../platform/prisma';
import { DEFAULT_STALE_AFTER_SECONDS } from '../../../platform/events/marketTick';
import type { SignalsContext } from '../context';

/** What `MarketTick` resolves from: the latest stored tick of an instrument. */
export interface MarketTickRow {
  instrumentId: string;
  symbol: string;
  price: Prisma.Decimal;
  bid: Prisma.Decimal | null;
  ask: Prisma.Decimal | null;
  at: Date;
  source: 'BINANCE' | 'KITE' | 'SIMULATED';
  /** The quote is older than the market-data staleness limit. */
  stale: boolean;
}

export function createMarketTickService(options: { staleSeconds?: number; now?: () => number } = {}) {
  const staleMs = (options.staleSeconds ?? DEFAULT_STALE_AFTER_SECONDS) * 1000;
  const now = options.now ?? Date.now;
  return {
    staleMs,
    async ofInstrument(ctx: SignalsContext, instrumentId: string): Promise<MarketTickRow | null> {
      const row = await ctx.loaders.marketPriceByInstrumentId.load(instrumentId);
      if (!row) return null;
      const { instrument, ...tick } = row;
      return { ...tick, symbol: instrument.symbol, stale: now() - tick.at.getTime() > staleMs };
    },
    async latest(ctx: SignalsContext, symbol: string): Promise<MarketTickRow | null> {
      const row = await ctx.prisma.marketPrice.findFirst({
        where: { instrument: { symbol: symbol.trim().toUpperCase() } },
        include: { instrument: { select: { symbol: true } } },
      });
      if (!row) return null;
      const { instrument, ...tick } = row;
      return { ...tick, symbol: instrument.symbol, stale: now() - tick.at.getTime() > staleMs };
    },
  };
}

export type MarketTickService = ReturnType<typeof createMarketTickService>;
