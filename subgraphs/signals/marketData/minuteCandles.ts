export const MINUTE_MS = 60_000;

export interface MinuteCandle {
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface TradePrint {
  price: number;
  amount: number;
  time: number;
}

const minuteOf = (time: number) => Math.floor(time / MINUTE_MS) * MINUTE_MS;

/**
 * Builds 1m candles from one symbol's trades in arrival order. A candle counts as `complete` only when
 * this builder saw its minute from the start (it was already building the minute before); otherwise
 * (the first minute after a start, a reconnect or a gap) the caller takes that minute from the exchange.
 */
export function createMinuteCandleBuilder() {
  let current: MinuteCandle | undefined;
  let complete = false;
  return {
    get current() {
      return current;
    },
    /** Forget continuity: the next candle will not be complete (after a reconnect or a gap). */
    interrupt() {
      current = undefined;
      complete = false;
    },
    /**
     * Adds a trade. Returns the candle it closed (with whether it is complete), and whether minutes with
     * no trade seen lie between the closed candle and this trade (a gap to backfill).
     */
    add(trade: TradePrint): { closed?: MinuteCandle & { complete: boolean }; gapFrom?: number } {
      const openTime = minuteOf(trade.time);
      if (current && openTime < current.openTime) return {}; // a late trade of a closed minute
      if (current && openTime === current.openTime) {
        current.high = Math.max(current.high, trade.price);
        current.low = Math.min(current.low, trade.price);
        current.close = trade.price;
        current.volume += trade.amount;
        return {};
      }
      const gapFrom =
        current && openTime > current.openTime + MINUTE_MS ? current.openTime + MINUTE_MS : undefined;
      // Silence across a minute boundary may hide trades of the closing minute too: not complete either.
      const closed = current ? { ...current, complete: complete && gapFrom === undefined } : undefined;
      // Continuity holds only from one minute straight into the next.
      complete = current !== undefined && gapFrom === undefined;
      current = {
        openTime,
        open: trade.price,
        high: trade.price,
        low: trade.price,
        close: trade.price,
        volume: trade.amount,
      };
      return { closed, gapFrom };
    },
  };
}
