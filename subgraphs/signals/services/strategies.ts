import { BadUserInputError } from '../../../platform/errors';
import { Prisma } from '../../../platform/prisma';
import type { Candle, Instrument, Signal } from '../../../platform/prisma/generated/client';
import type { SignalsContext } from '../context';
import type { BacktestInput, CandleInterval, RunStrategyInput } from '../generated/resolvers-types';
import { atr } from '../indicators/batch';
import { runBacktest, type BacktestReport } from '../strategies/backtest';
import { decisions, strategies, type StrategyKind } from '../strategies/definitions';
import { evidenceConfidence } from '../strategies/confidence';
import { commitSignal } from './publication';
import { assertPublisher } from './signals';
import { ruleFor, type SignalRules } from './visibility';

const DAY_MS = 86_400_000;
const intervals: Record<CandleInterval, { stored: string; ms: number }> = {
  ONE_MINUTE: { stored: '1m', ms: 60_000 },
  FIVE_MINUTES: { stored: '5m', ms: 300_000 },
  ONE_HOUR: { stored: '1h', ms: 3_600_000 },
  ONE_DAY: { stored: '1d', ms: DAY_MS },
};
/** Enough candles for every strategy's warm-up, with room for its indicators to settle. */
const LIVE_LOOKBACK = 200;
export const MAX_BACKTEST_CANDLES = 5_000;
/** Target two ATR(14) away, stop one ATR: a 2:1 reward to risk; expiry after this many candles. */
const TARGET_ATRS = 2;
const STOP_ATRS = 1;
const EXPIRY_CANDLES = 5;

/** Target and stop around `close` on the tick grid; without an ATR yet, 2% of the close stands in for it. */
export function strategyLevels(
  decision: 'BUY' | 'SELL',
  close: Prisma.Decimal,
  range: number | null,
  tick: Prisma.Decimal,
) {
  const unit = new Prisma.Decimal(range ?? close.toNumber() * 0.02);
  const direction = decision === 'BUY' ? 1 : -1;
  const onGrid = (value: Prisma.Decimal) => {
    const rounded = value.div(tick).toDecimalPlaces(0).mul(tick);
    return Prisma.Decimal.max(rounded, tick).toString();
  };
  return {
    targetPrice: onGrid(close.add(unit.mul(TARGET_ATRS * direction))),
    stopLoss: onGrid(close.sub(unit.mul(STOP_ATRS * direction))),
  };
}

export interface BacktestResult extends BacktestReport {
  strategy: StrategyKind;
  instrument: Instrument;
  candles: number;
}

const toBar = (c: Candle) => ({
  time: c.openTime,
  open: c.open.toNumber(),
  high: c.high.toNumber(),
  low: c.low.toNumber(),
  close: c.close.toNumber(),
});

async function requireInstrument(ctx: SignalsContext, symbol: string): Promise<Instrument> {
  const instrument = await ctx.prisma.instrument.findUnique({
    where: { symbol: symbol.trim().toUpperCase() },
  });
  if (!instrument) throw new BadUserInputError(`symbol ${symbol} is not a known instrument`, 'symbol');
  return instrument;
}

function intervalOf(value: CandleInterval | null | undefined) {
  const interval = intervals[value ?? 'ONE_DAY'];
  if (!interval)
    throw new BadUserInputError('interval must be ONE_MINUTE, FIVE_MINUTES, ONE_HOUR or ONE_DAY', 'interval');
  return interval;
}

function bps(value: number | null | undefined, field: string): number {
  const n = value ?? 0;
  if (!Number.isInteger(n) || n < 0 || n > 500)
    throw new BadUserInputError(`${field} must be 0 to 500`, field);
  return n;
}

export interface StrategyServiceOptions {
  rules: SignalRules;
  now?: () => Date;
  onCommitted?: () => void;
}

export function createStrategyService({
  rules,
  now = () => new Date(),
  onCommitted,
}: StrategyServiceOptions) {
  return {
    list: () => Object.values(strategies),

    /** Over the candles the viewer's tier may look back on (FREE 7 days, PREMIUM 90, ENTERPRISE all). */
    async backtest(ctx: SignalsContext, input: BacktestInput): Promise<BacktestResult> {
      const instrument = await requireInstrument(ctx, input.symbol);
      const interval = intervalOf(input.interval);
      const options = {
        feeBps: bps(input.feeBps ?? 10, 'feeBps'),
        slippageBps: bps(input.slippageBps ?? 5, 'slippageBps'),
      };
      const { historyDays } = ruleFor(rules, ctx.viewer);
      const horizon = historyDays === null ? null : new Date(now().getTime() - historyDays * DAY_MS);
      const from = [input.from, horizon].filter((d): d is Date => d instanceof Date);
      const candles = await ctx.prisma.candle.findMany({
        where: {
          instrumentId: instrument.id,
          interval: interval.stored,
          openTime: {
            ...(from.length ? { gte: new Date(Math.max(...from.map((d) => d.getTime()))) } : {}),
            ...(input.to ? { lte: input.to } : {}),
          },
        },
        orderBy: { openTime: 'asc' },
        take: MAX_BACKTEST_CANDLES,
      });
      const report = runBacktest(input.strategy, candles.map(toBar), { ...options, intervalMs: interval.ms });
      return { ...report, strategy: input.strategy, instrument, candles: candles.length };
    },

    /** Runs the strategy over recent candles; publishes when the latest candle gives a decision. */
    async run(ctx: SignalsContext, input: RunStrategyInput): Promise<Signal | null> {
      assertPublisher(ctx.viewer);
      const instrument = await requireInstrument(ctx, input.symbol);
      const interval = intervalOf(input.interval);
      const recent = await ctx.prisma.candle.findMany({
        where: { instrumentId: instrument.id, interval: interval.stored },
        orderBy: { openTime: 'desc' },
        take: LIVE_LOOKBACK,
      });
      const candles = recent.reverse();
      const decision = decisions(input.strategy, candles.map(toBar)).at(-1);
      const last = candles.at(-1);
      if (!decision || !last) return null;
      const name = strategies[input.strategy].name;
      const bars = candles.map(toBar);
      // The strategy's own backtested record on the same candles (marketData/strategyRunner.ts).
      const record = runBacktest(input.strategy, bars, {
        feeBps: 10,
        slippageBps: 5,
        intervalMs: interval.ms,
      });
      const signal = await commitSignal(
        ctx.prisma,
        {
          instrument,
          side: decision,
          strategy: name,
          price: last.close.toString(),
          confidence: evidenceConfidence(record.trades.length, record.winRate).toFixed(4),
          authorId: null,
          source: { kind: 'STRATEGY', key: name, name },
          ...strategyLevels(decision, last.close, atr(bars).at(-1) ?? null, instrument.tickSize),
          expiresAt: new Date(now().getTime() + EXPIRY_CANDLES * interval.ms),
          rationale: `${name} on the ${interval.stored} candle of ${last.openTime.toISOString()}`,
        },
        ctx.correlationId,
      );
      onCommitted?.();
      return signal;
    },
  };
}

export type StrategyService = ReturnType<typeof createStrategyService>;
