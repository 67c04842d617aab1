import { BadUserInputError, NotFoundError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { Candle, Instrument } from '../../../platform/prisma/generated/client';
import type { SignalsContext } from '../context';
import type { AssetClass, CandleInterval } from '../generated/resolvers-types';
import { boundedCount } from './validation';

export const MAX_CANDLES = 500;

/** The stored `candle.interval` of each schema interval. */
const storedInterval: Record<CandleInterval, string> = {
  ONE_MINUTE: '1m',
  FIVE_MINUTES: '5m',
  ONE_HOUR: '1h',
  ONE_DAY: '1d',
};

export function createInstrumentService() {
  return {
    listInstruments(ctx: SignalsContext, assetClass: AssetClass | null | undefined): Promise<Instrument[]> {
      return ctx.prisma.instrument.findMany({
        where: assetClass ? { assetClass } : {},
        orderBy: { symbol: 'asc' },
      });
    },

    /** Symbols are stored upper case, so `btc-usdt` finds BTC-USDT. */
    findBySymbol(ctx: SignalsContext, symbol: string): Promise<Instrument | null> {
      return ctx.prisma.instrument.findUnique({ where: { symbol: symbol.trim().toUpperCase() } });
    },

    async findInstrument(ctx: SignalsContext, id: string): Promise<Instrument | null> {
      if (!isUuid(id)) return null;
      return ctx.loaders.instrumentById.load(id);
    },

    /** For a signal's instrument: the foreign key guarantees it exists. */
    async requireInstrument(ctx: SignalsContext, id: string): Promise<Instrument> {
      const instrument = await ctx.loaders.instrumentById.load(id);
      if (!instrument) throw new NotFoundError('Instrument', id);
      return instrument;
    },

    /** The most recent `last` candles, oldest first. */
    candles(
      ctx: SignalsContext,
      instrument: Instrument,
      interval: CandleInterval,
      last: number,
    ): Promise<Candle[]> {
      const count = boundedCount(last, MAX_CANDLES, 'last');
      // An explicit `interval: null` gets past the schema default.
      const stored = storedInterval[interval];
      if (!stored)
        throw new BadUserInputError(
          'interval must be ONE_MINUTE, FIVE_MINUTES, ONE_HOUR or ONE_DAY',
          'interval',
        );
      return ctx.loaders.candles(stored, count).load(instrument.id);
    },

    async lastPrice(ctx: SignalsContext, instrument: Instrument): Promise<string | null> {
      const close = await ctx.loaders.lastPriceByInstrumentId.load(instrument.id);
      return close?.toString() ?? null;
    },
  };
}

export type InstrumentService = ReturnType<typeof createInstrumentService>;
