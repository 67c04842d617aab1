// Batch indicators written from the definitions, index by index, without the streaming state machines;
// indicators.property.test.ts holds them equal to ./streaming.ts on random series.
import {
  priceOf,
  rsiOf,
  trueRange,
  type BandsValue,
  type Bar,
  type EmaSeed,
  type MacdValue,
  type VolumeBar,
  type VwapSource,
} from './streaming';

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export function sma(values: readonly number[], period: number): (number | null)[] {
  return values.map((_, i) => (i < period - 1 ? null : mean(values.slice(i - period + 1, i + 1))));
}

export function ema(values: readonly number[], period: number, seed: EmaSeed = 'sma'): (number | null)[] {
  const alpha = 2 / (period + 1);
  const start = seed === 'sma' ? period - 1 : 0;
  const out: (number | null)[] = values.map(() => null);
  if (values.length <= start) return out;
  let current = seed === 'sma' ? mean(values.slice(0, period)) : values[0]!;
  out[start] = current;
  for (let i = start + 1; i < values.length; i++) {
    current = alpha * values[i]! + (1 - alpha) * current;
    out[i] = current;
  }
  return out;
}

/** Wilder smoothing of a series starting at index `from`: first a mean of `period`, then (prev*(n-1)+x)/n. */
function wilder(values: readonly number[], period: number, from: number): (number | null)[] {
  const out: (number | null)[] = values.map(() => null);
  const first = from + period - 1;
  if (values.length <= first) return out;
  let current = mean(values.slice(from, first + 1));
  out[first] = current;
  for (let i = first + 1; i < values.length; i++) {
    current = (current * (period - 1) + values[i]!) / period;
    out[i] = current;
  }
  return out;
}

export function rsi(values: readonly number[], period = 14): (number | null)[] {
  const changes = values.map((value, i) => (i === 0 ? 0 : value - values[i - 1]!));
  const gains = wilder(
    changes.map((c) => Math.max(c, 0)),
    period,
    1,
  );
  const losses = wilder(
    changes.map((c) => Math.max(-c, 0)),
    period,
    1,
  );
  return values.map((_, i) => {
    const gain = gains[i];
    const loss = losses[i];
    return gain === null || gain === undefined || loss === null || loss === undefined
      ? null
      : rsiOf(gain, loss);
  });
}

export function macd(
  values: readonly number[],
  fast = 12,
  slow = 26,
  signal = 9,
  seed: EmaSeed = 'sma',
): (MacdValue | null)[] {
  const fastEma = ema(values, fast, seed);
  const slowEma = ema(values, slow, seed);
  const line = values.slice(slow - 1).map((_, j) => fastEma[j + slow - 1]! - slowEma[j + slow - 1]!);
  const signalLine = ema(line, signal, seed);
  return values.map((_, i) => {
    const j = i - (slow - 1);
    const s = j >= 0 ? signalLine[j] : null;
    if (s === null || s === undefined) return null;
    return { macd: line[j]!, signal: s, histogram: line[j]! - s };
  });
}

export function bollinger(values: readonly number[], period = 20, k = 2): (BandsValue | null)[] {
  return values.map((_, i) => {
    if (i < period - 1) return null;
    const window = values.slice(i - period + 1, i + 1);
    const middle = mean(window);
    const deviation = Math.sqrt(mean(window.map((v) => (v - middle) ** 2)));
    return { lower: middle - k * deviation, middle, upper: middle + k * deviation };
  });
}

export function atr(bars: readonly Bar[], period = 14): (number | null)[] {
  const ranges = bars.map((bar, i) => trueRange(bar, i === 0 ? null : bars[i - 1]!.close));
  return wilder(ranges, period, 0);
}

export function vwap(bars: readonly VolumeBar[], source: VwapSource = 'typical'): (number | null)[] {
  return bars.map((_, i) => {
    const window = bars.slice(0, i + 1);
    const volume = window.reduce((a, bar) => a + bar.volume, 0);
    if (volume === 0) return null;
    return window.reduce((a, bar) => a + priceOf(bar, source) * bar.volume, 0) / volume;
  });
}
