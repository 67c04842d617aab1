// Signal sources and the development seed's signal history. Strategy sources are reference data: one per
// strategy in subgraphs/signals/strategies (named as the runtime names them), in every environment. The
// history is demo data (development only, flagged isDemo): the real strategies' own decisions on the
// simulated daily candles, and a demo analyst's picks; every signal gets a target (3% away) and a stop
// (1.5%), and its outcome is played out on the following daily candles, so the lifecycle, per-source
// performance and the analytics dashboard have closed signals to show.
import { Prisma } from '../../platform/prisma';
import type { SignalSide, SignalSourceKind, SignalStatus } from '../../platform/prisma/generated/enums';
import { decisions, strategies, type StrategyKind } from '../../subgraphs/signals/strategies/definitions';
import type { CandleSeed } from './candles';
import { DEMO_ANALYST_NAME, demoUserIds } from './data';
import { instruments, type InstrumentSymbol } from './market';

const DAY_MS = 86_400_000;
const TARGET = 0.03;
const STOP = 0.015;
const EXPIRY_DAYS = 5;
export const HISTORY_DAYS = 28;
/** The confidence the strategy runner reported when these demo decisions were generated (0..1). */
const DEMO_STRATEGY_CONFIDENCE = '0.6000';

export interface SourceSeed {
  kind: SignalSourceKind;
  key: string;
  name: string;
  isDemo: boolean;
}

export interface SignalSeed {
  id: string;
  symbol: InstrumentSymbol;
  side: SignalSide;
  strategy: string;
  /** Emitted at the close of the daily candle this many days before the end time; priced at its close. */
  daysAgo: number;
  confidence: string;
}

export const DISCRETIONARY = 'discretionary';

/** Reference data: the strategies that exist in code, keyed and named as publication creates them. */
export const strategySources: readonly SourceSeed[] = Object.values(strategies).map((s) => ({
  kind: 'STRATEGY',
  key: s.name,
  name: s.name,
  isDemo: false,
}));

export const demoAnalystSource: SourceSeed = {
  kind: 'ANALYST',
  key: demoUserIds.analyst,
  name: DEMO_ANALYST_NAME,
  isDemo: true,
};

/** Which source a seeded signal belongs to: the demo analyst's label, else its strategy. */
export const sourceKeyOf = (strategy: string) =>
  strategy === DISCRETIONARY ? demoUserIds.analyst : strategy;

const seedId = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n + 1).padStart(12, '0')}`;

/** The demo analyst's picks: one or two a day over the last four weeks, cycling through instruments. */
export const analystSignals: readonly SignalSeed[] = Array.from({ length: HISTORY_DAYS }, (_, d) => d + 2)
  .flatMap((daysAgo) => Array.from({ length: 1 + (daysAgo % 2) }, () => daysAgo))
  .map((daysAgo, n) => ({
    id: seedId('e2000000', n),
    symbol: instruments[(n * 3) % instruments.length]!.symbol,
    side: (n % 3 === 1 ? 'SELL' : 'BUY') as SignalSide,
    strategy: DISCRETIONARY,
    daysAgo,
    confidence: (0.55 + ((n * 7) % 25) / 100).toFixed(4),
  }));

/**
 * What each strategy in code decided on each instrument's daily candles over the last four weeks (its
 * decision at candle i sees candles 0..i only). The candle values do not depend on the clock, so neither
 * does this list: ids are stable from run to run.
 */
export function strategySignals(
  dailyBySymbol: ReadonlyMap<InstrumentSymbol, readonly CandleSeed[]>,
): SignalSeed[] {
  const found: Omit<SignalSeed, 'id'>[] = [];
  for (const { symbol } of instruments) {
    const daily = dailyBySymbol.get(symbol) ?? [];
    const bars = daily.map((c) => ({ open: +c.open, high: +c.high, low: +c.low, close: +c.close }));
    for (const kind of Object.keys(strategies) as StrategyKind[]) {
      decisions(kind, bars).forEach((side, i) => {
        const daysAgo = daily.length - i;
        if (side && daysAgo >= 2 && daysAgo <= HISTORY_DAYS + 1) {
          found.push({
            symbol,
            side,
            strategy: strategies[kind].name,
            daysAgo,
            confidence: DEMO_STRATEGY_CONFIDENCE,
          });
        }
      });
    }
  }
  return found.map((signal, n) => ({ id: seedId('e3000000', n), ...signal }));
}

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
