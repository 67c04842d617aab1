import { isStaleTick } from '../../../platform/events/marketTick';
import type { MarketTickPayload } from '../../../platform/events/topics';
import { Prisma } from '../../../platform/prisma';

export interface Tick {
  instrumentId: string;
  symbol: string;
  price: Prisma.Decimal;
  /** Best bid and ask when the feed has them: market orders fill against these. */
  bid?: Prisma.Decimal | null;
  ask?: Prisma.Decimal | null;
  /** The quote's time at the exchange. */
  at: Date;
  /** The feed's staleness rule (market-data settings); absent: the default. */
  staleAfterSeconds?: number;
}

/** A quote too old to fill on: the feed stopped, or Kafka delivered the tick late. */
export const isStale = (tick: Tick, now = Date.now()) =>
  isStaleTick({ at: tick.at.toISOString(), staleAfterSeconds: tick.staleAfterSeconds }, now);

function optionalPrice(value: string | null | undefined): Prisma.Decimal | null {
  if (value === null || value === undefined) return null;
  const price = new Prisma.Decimal(value);
  return price.gt(0) ? price : null;
}

/** A tick payload from Kafka, or null when it cannot be priced (a bad tick must not stop the consumer). */
export function tickFrom(payload: MarketTickPayload): Tick | null {
  try {
    const price = new Prisma.Decimal(payload.price);
    const at = new Date(payload.at);
    if (!price.gt(0) || Number.isNaN(at.getTime()) || typeof payload.symbol !== 'string') return null;
    const [bid, ask] = [optionalPrice(payload.bid), optionalPrice(payload.ask)];
    const staleAfterSeconds =
      typeof payload.staleAfterSeconds === 'number' && payload.staleAfterSeconds > 0
        ? payload.staleAfterSeconds
        : undefined;
    return {
      instrumentId: payload.instrumentId,
      symbol: payload.symbol,
      price,
      bid,
      ask,
      at,
      staleAfterSeconds,
    };
  } catch {
    return null;
  }
}

/**
 * The latest tick per symbol, in memory, fed by this process's own consumer of `market.ticks`.
 * Trading never reads signals' tables: with no tick yet for a symbol there is no price, and a market
 * order on it is rejected rather than filled at a guess.
 */
export function createLastTickStore() {
  const latest = new Map<string, Tick>();
  return {
    update(tick: Tick): void {
      const current = latest.get(tick.symbol);
      // Kafka may redeliver an older tick after a rebalance; it must not roll the price back.
      if (!current || current.at.getTime() <= tick.at.getTime()) latest.set(tick.symbol, tick);
    },
    latest(symbol: string): Tick | null {
      return latest.get(symbol) ?? null;
    },
  };
}

export type LastTickStore = ReturnType<typeof createLastTickStore>;
