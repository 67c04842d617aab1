// Streaming indicators: one value in, the indicator's value out (null during warm-up). The batch forms in
// ./batch.ts compute the same definitions independently; a property test holds them equal.

export interface Stream<I, O> {
  next(input: I): O | null;
}

export interface Bar {
  high: number;
  low: number;
  close: number;
}

export interface VolumeBar extends Bar {
  volume: number;
}

/**
 * How an EMA starts: `sma` (StockCharts, TA-Lib) emits first at index period-1 with the mean of the
 * first `period` values; `first` (Tulip Indicators) starts from the first value and emits at once.
 */
export type EmaSeed = 'sma' | 'first';

function assertPeriod(period: number): void {
  if (!Number.isInteger(period) || period < 1) throw new RangeError(`period must be a positive integer`);
}

/** Simple moving average; warm-up period-1 values. */
export function smaStream(period: number): Stream<number, number> {
  assertPeriod(period);
  const window: number[] = [];
  let sum = 0;
  return {
    next(value) {
      window.push(value);
      sum += value;
      if (window.length > period) sum -= window.shift()!;
      return window.length === period ? sum / period : null;
    },
  };
}

/** Exponential moving average, alpha = 2 / (period + 1). */
export function emaStream(period: number, seed: EmaSeed = 'sma'): Stream<number, number> {
  assertPeriod(period);
  const alpha = 2 / (period + 1);
  const seeding = smaStream(period);
  let ema: number | null = null;
  return {
    next(value) {
      if (ema !== null) ema = alpha * value + (1 - alpha) * ema;
      else if (seed === 'first') ema = value;
      else ema = seeding.next(value);
      return ema;
    },
  };
}

/** Wilder's RSI: first averages are plain means of `period` changes; warm-up `period` values. */
export function rsiStream(period = 14): Stream<number, number> {
  assertPeriod(period);
  let previous: number | null = null;
  let count = 0;
  let gains = 0;
  let losses = 0;
  return {
    next(value) {
      if (previous === null) {
        previous = value;
        return null;
      }
      const change = value - previous;
      previous = value;
      const gain = Math.max(change, 0);
      const loss = Math.max(-change, 0);
      count += 1;
      if (count <= period) {
        gains += gain / period;
        losses += loss / period;
        if (count < period) return null;
      } else {
        gains = (gains * (period - 1) + gain) / period;
        losses = (losses * (period - 1) + loss) / period;
      }
      return rsiOf(gains, losses);
    },
  };
}

/** 100 when nothing fell (by definition), 50 when nothing moved at all. */
export function rsiOf(averageGain: number, averageLoss: number): number {
  if (averageLoss === 0) return averageGain === 0 ? 50 : 100;
  return 100 - 100 / (1 + averageGain / averageLoss);
}

export interface MacdValue {
  macd: number;
  signal: number;
  histogram: number;
}

/** MACD line from index slow-1; its signal line (an EMA of the MACD line) after that line's own warm-up. */
export function macdStream(
  fast = 12,
  slow = 26,
  signal = 9,
  seed: EmaSeed = 'sma',
): Stream<number, MacdValue> {
  if (fast >= slow) throw new RangeError('fast period must be shorter than slow period');
  const fastEma = emaStream(fast, seed);
  const slowEma = emaStream(slow, seed);
  const signalEma = emaStream(signal, seed);
  let index = -1;
  return {
    next(value) {
      index += 1;
      const f = fastEma.next(value);
      const s = slowEma.next(value);
      if (f === null || s === null || index < slow - 1) return null;
      const macd = f - s;
      const line = signalEma.next(macd);
      return line === null ? null : { macd, signal: line, histogram: macd - line };
    },
  };
}

export interface BandsValue {
  lower: number;
  middle: number;
  upper: number;
}

/** Bollinger Bands: SMA ± k population standard deviations of the same window. */
export function bollingerStream(period = 20, k = 2): Stream<number, BandsValue> {
  assertPeriod(period);
  const window: number[] = [];
  return {
    next(value) {
      window.push(value);
      if (window.length > period) window.shift();
      if (window.length < period) return null;
      const middle = window.reduce((a, b) => a + b, 0) / period;
      const variance = window.reduce((a, b) => a + (b - middle) ** 2, 0) / period;
      const width = k * Math.sqrt(variance);
      return { lower: middle - width, middle, upper: middle + width };
    },
  };
}

export function trueRange(bar: Bar, previousClose: number | null): number {
  if (previousClose === null) return bar.high - bar.low;
  return Math.max(bar.high - bar.low, Math.abs(bar.high - previousClose), Math.abs(bar.low - previousClose));
}

/** Wilder's ATR: the first value is the mean of the first `period` true ranges (the first is high-low). */
export function atrStream(period = 14): Stream<Bar, number> {
  assertPeriod(period);
  let previousClose: number | null = null;
  let count = 0;
  let atr = 0;
  return {
    next(bar) {
      const tr = trueRange(bar, previousClose);
      previousClose = bar.close;
      count += 1;
      if (count <= period) {
        atr += tr / period;
        return count === period ? atr : null;
      }
      atr = (atr * (period - 1) + tr) / period;
      return atr;
    },
  };
}

export type VwapSource = 'typical' | 'close';

export const priceOf = (bar: Bar, source: VwapSource): number =>
  source === 'close' ? bar.close : (bar.high + bar.low + bar.close) / 3;

/** VWAP anchored at the first bar fed in (start a new stream per session); no warm-up. */
export function vwapStream(source: VwapSource = 'typical'): Stream<VolumeBar, number> {
  let value = 0;
  let volume = 0;
  return {
    next(bar) {
      value += priceOf(bar, source) * bar.volume;
      volume += bar.volume;
      return volume === 0 ? null : value / volume;
    },
  };
}

/** Feeds a whole series through a stream. */
export function runStream<I, O>(stream: Stream<I, O>, inputs: readonly I[]): (O | null)[] {
  return inputs.map((input) => stream.next(input));
}
