// Deterministic candle history. VALUES depend only on the symbol, the interval and the candle's index in
// its series (seeded PRNG), never on the clock; only the open times are anchored to an end time (the
// seed uses the current UTC day floor, so a re-run on the same day inserts nothing).
import type { InstrumentSeed } from './market';

export const DAILY_CANDLES = 120;
export const HOURLY_CANDLES = 72;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface CandleSeed {
  interval: '1d' | '1h';
  openTime: Date;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
}

/** mulberry32: a small, fast 32-bit PRNG; the same seed always yields the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a hash of a string, the PRNG seed. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function gaussian(rand: () => number): number {
  const u = 1 - rand(); // (0, 1]: log(0) is never taken
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Prices are kept as integer multiples of the tick and printed as exact decimal strings. */
function tickFormatter(tickSize: string): {
  ticks: (price: number) => number;
  format: (ticks: number) => string;
} {
  const scale = tickSize.split('.')[1]?.length ?? 0;
  const unit = Math.round(Number(tickSize) * 10 ** scale); // tick in units of 10^-scale
  const format = (ticks: number): string => {
    const minor = ticks * unit;
    if (scale === 0) return String(minor);
    const whole = Math.floor(minor / 10 ** scale);
    return `${whole}.${String(minor - whole * 10 ** scale).padStart(scale, '0')}`;
  };
  return { ticks: (price) => Math.max(1, Math.round(price / Number(tickSize))), format };
}

/** Geometric random walk of `count` OHLCV bars; each bar opens at the previous close. */
function walk(spec: InstrumentSeed, interval: '1d' | '1h', count: number, startPrice: number) {
  const rand = mulberry32(hashSeed(`${spec.symbol}:${interval}`));
  const { ticks, format } = tickFormatter(spec.tickSize);
  const barsPerDay = interval === '1d' ? 1 : 24;
  const vol = spec.dailyVol / Math.sqrt(barsPerDay);
  const bars: Omit<CandleSeed, 'interval' | 'openTime'>[] = [];
  let open = ticks(startPrice);
  for (let i = 0; i < count; i++) {
    const ret = vol * gaussian(rand) + 0.0004 / barsPerDay;
    const close = Math.max(1, Math.round(open * Math.exp(ret)));
    const high = Math.max(
      open,
      close,
      Math.round(Math.max(open, close) * (1 + Math.abs(gaussian(rand)) * vol * 0.6)),
    );
    const low = Math.max(
      1,
      Math.min(open, close, Math.round(Math.min(open, close) * (1 - Math.abs(gaussian(rand)) * vol * 0.6))),
    );
    const volume =
      (spec.dailyVolume / barsPerDay) * Math.exp(0.35 * gaussian(rand)) * (1 + 8 * Math.abs(ret));
    bars.push({
      open: format(open),
      high: format(high),
      low: format(low),
      close: format(close),
      volume: volume.toFixed(spec.volumeDecimals),
    });
    open = close;
  }
  return bars;
}

/** UTC midnight of `now`: the default anchor, so the open times are stable for a whole day. */
export const utcDayFloor = (now: Date): Date => new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);

/**
 * 120 completed daily bars ending at `end` and 72 hourly bars ending at `end`; the hourly walk starts at
 * the open of the daily bar that covers its first hour, so both series agree on the starting level.
 */
export function candleHistory(
  spec: InstrumentSeed,
  end: Date,
): { daily: CandleSeed[]; hourly: CandleSeed[] } {
  const daily = walk(spec, '1d', DAILY_CANDLES, spec.startPrice).map((bar, i) => ({
    ...bar,
    interval: '1d' as const,
    openTime: new Date(end.getTime() - (DAILY_CANDLES - i) * DAY_MS),
  }));
  const firstHourDay = daily[DAILY_CANDLES - HOURLY_CANDLES / 24];
  const hourlyStart = Number(firstHourDay?.open ?? spec.startPrice);
  const hourly = walk(spec, '1h', HOURLY_CANDLES, hourlyStart).map((bar, i) => ({
    ...bar,
    interval: '1h' as const,
    openTime: new Date(end.getTime() - (HOURLY_CANDLES - i) * HOUR_MS),
  }));
  return { daily, hourly };
}
