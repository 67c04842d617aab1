// Signal sources and a few weeks of signal history for the demo: every seeded signal gets a target
// (3% away) and a stop (1.5%), and its outcome is played out on the following daily candles, so the
// lifecycle, per-source performance and the analytics dashboard have closed signals to show.
import { Prisma } from '../../platform/prisma';
import type { SignalSide, SignalSourceKind, SignalStatus } from '../../platform/prisma/generated/enums';
import type { CandleSeed } from './candles';
import { demoUserIds } from './data';
import { instruments, signals as legacySignals, type InstrumentSymbol, type SignalSeed } from './market';

const DAY_MS = 86_400_000;
const TARGET = 0.03;
const STOP = 0.015;
const EXPIRY_DAYS = 5;
const HISTORY_DAYS = 28;

export interface SourceSeed {
  kind: SignalSourceKind;
  key: string;
  name: string;
}

export const DISCRETIONARY = 'discretionary';

export const signalSources: readonly SourceSeed[] = [
  { kind: 'STRATEGY', key: 'rsi-mean-reversion', name: 'RSI mean reversion' },
  { kind: 'STRATEGY', key: 'macd-crossover', name: 'MACD crossover' },
  { kind: 'STRATEGY', key: 'bollinger-breakout', name: 'Bollinger breakout' },
  { kind: 'STRATEGY', key: 'sma-50-200-cross', name: 'SMA 50/200 cross' },
  { kind: 'STRATEGY', key: 'rsi-reversal', name: 'RSI reversal' },
  { kind: 'ANALYST', key: demoUserIds.analyst, name: 'Kavya Reddy' },
];

/** Which source a seeded signal belongs to: the analyst's label, else its strategy. */
export const sourceKeyOf = (strategy: string) =>
  strategy === DISCRETIONARY ? demoUserIds.analyst : strategy;

const historyStrategies = ['rsi-mean-reversion', 'macd-crossover', 'bollinger-breakout', DISCRETIONARY];

/** One or two signals a day over the last four weeks, cycling through instruments and sources. */
export const historySignals: readonly SignalSeed[] = Array.from({ length: HISTORY_DAYS }, (_, d) => d + 2)
  .flatMap((daysAgo) => Array.from({ length: 1 + (daysAgo % 2) }, () => daysAgo))
  .map((daysAgo, n) => ({
    id: `e2000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`,
    symbol: instruments[(n * 3) % instruments.length]!.symbol as InstrumentSymbol,
    side: (n % 3 === 1 ? 'SELL' : 'BUY') as SignalSide,
    strategy: historyStrategies[n % historyStrategies.length]!,
    daysAgo,
    confidence: (0.55 + ((n * 7) % 25) / 100).toFixed(4),
  }));

export const allSeedSignals: readonly SignalSeed[] = [...legacySignals, ...historySignals];

export interface SignalLifecycleSeed {
  price: string;
  targetPrice: string;
  stopLoss: string;
  createdAt: Date;
  expiresAt: Date;
  status: SignalStatus;
  closedAt: Date | null;
  closePrice: string | null;
  realizedReturn: number | null;
}

const onGrid = (value: Prisma.Decimal, tick: string) => value.div(tick).toDecimalPlaces(0).mul(tick);

/**
 * Plays a signal out on the candles after its own: the stop is checked before the target within a
 * candle (the conservative reading of a bar that touched both). Unresolved at `end`: still ACTIVE.
 */
export function lifecycleOf(
  seed: SignalSeed,
  daily: readonly CandleSeed[],
  tickSize: string,
  end: Date,
): SignalLifecycleSeed | null {
  const index = daily.length - seed.daysAgo;
  const candle = daily[index];
  if (!candle) return null;
  const entry = new Prisma.Decimal(candle.close);
  const up = seed.side === 'BUY' ? 1 : -1;
  const target = onGrid(entry.mul(1 + up * TARGET), tickSize);
  const stop = onGrid(entry.mul(1 - up * STOP), tickSize);
  const createdAt = new Date(candle.openTime.getTime() + DAY_MS - 60_000);
  const expiresAt = new Date(createdAt.getTime() + EXPIRY_DAYS * DAY_MS);
  const fields = {
    price: entry.toString(),
    targetPrice: target.toString(),
    stopLoss: stop.toString(),
    createdAt,
    expiresAt,
  };
  const close = (status: SignalStatus, at: Date, price: Prisma.Decimal): SignalLifecycleSeed => ({
    ...fields,
    status,
    closedAt: at,
    closePrice: price.toString(),
    realizedReturn: price.sub(entry).div(entry).mul(up).toNumber(),
  });
  let last = entry;
  for (const next of daily.slice(index + 1)) {
    if (next.openTime.getTime() >= expiresAt.getTime()) break;
    const [low, high] = [new Prisma.Decimal(next.low), new Prisma.Decimal(next.high)];
    const midday = new Date(next.openTime.getTime() + DAY_MS / 2);
    if (up > 0 ? low.lte(stop) : high.gte(stop)) return close('STOPPED_OUT', midday, stop);
    if (up > 0 ? high.gte(target) : low.lte(target)) return close('TARGET_HIT', midday, target);
    last = new Prisma.Decimal(next.close);
  }
  if (expiresAt.getTime() <= end.getTime()) return close('EXPIRED', expiresAt, last);
  return { ...fields, status: 'ACTIVE', closedAt: null, closePrice: null, realizedReturn: null };
}
