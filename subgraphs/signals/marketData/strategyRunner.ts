import { randomUUID } from 'node:crypto';
import type { Logger } from '../../../platform/logger';
import { Prisma, type PrismaClient } from '../../../platform/prisma';
import { atr } from '../indicators/batch';
import { strategyLevels } from '../services/strategies';
import { commitSignal } from '../services/publication';
import { runBacktest } from '../strategies/backtest';
import { evidenceConfidence } from '../strategies/confidence';
import { decisions, strategies, type StrategyKind } from '../strategies/definitions';

export { evidenceConfidence };

/** Candles each run looks back on: every strategy's warm-up, and the recent record its confidence uses. */
const LOOKBACK = 200;
/** Strategy signals expire after this many candles of the run's interval. */
const EXPIRY_CANDLES = 5;

const INTERVAL_MS: Record<string, number> = {
  '1m': 60_000,
  '5m': 300_000,
  '1h': 3_600_000,
  '1d': 86_400_000,
};

export interface StrategyRunnerOptions {
  prisma: PrismaClient;
  logger: Logger;
  /** The stored candle interval strategies run on. */
  interval: string;
  onCommitted?: () => void;
}

/**
 * Evaluates every strategy on an instrument's latest closed candle and publishes its decision through the
 * normal lifecycle (commitSignal: outbox, fan-out, closing by ticks). The signal's candle key is unique, so
 * a candle yields at most one signal per strategy, whichever replica or retry runs it.
 */
export function createStrategyRunner({ prisma, logger, interval, onCommitted }: StrategyRunnerOptions) {
  const known = INTERVAL_MS[interval];
  if (!known) throw new Error(`strategies cannot run on ${interval} candles`);
  const intervalMs: number = known;
  const log = logger.child({ component: 'strategy-runner', interval });

  /** Runs on the candles closed by `throughMs`; returns the strategies that signalled. */
  async function run(instrumentId: string, throughMs: number): Promise<string[]> {
    const instrument = await prisma.instrument.findUnique({ where: { id: instrumentId } });
    if (!instrument) return [];
    const recent = await prisma.candle.findMany({
      where: { instrumentId, interval, openTime: { lte: new Date(throughMs - intervalMs) } },
      orderBy: { openTime: 'desc' },
      take: LOOKBACK,
    });
    const candles = recent.reverse();
    const last = candles.at(-1);
    if (!last) return [];
    const bars = candles.map((c) => ({
      time: c.openTime,
      open: c.open.toNumber(),
      high: c.high.toNumber(),
      low: c.low.toNumber(),
      close: c.close.toNumber(),
    }));
    const signalled: string[] = [];
    for (const kind of Object.keys(strategies) as StrategyKind[]) {
      const decision = decisions(kind, bars).at(-1);
      if (!decision) continue;
      const { name } = strategies[kind];
      const record = runBacktest(kind, bars, { feeBps: 10, slippageBps: 5, intervalMs });
      const confidence = evidenceConfidence(record.trades.length, record.winRate);
      try {
        await commitSignal(
          prisma,
          {
            instrument,
            side: decision,
            strategy: name,
            price: last.close.toString(),
            confidence: confidence.toFixed(4),
            authorId: null,
            source: { kind: 'STRATEGY', key: name, name },
            ...strategyLevels(decision, last.close, atr(bars).at(-1) ?? null, instrument.tickSize),
            expiresAt: new Date(throughMs + EXPIRY_CANDLES * intervalMs),
            rationale:
              `${name} on the ${interval} candle of ${last.openTime.toISOString()}; confidence from ` +
              `${record.trades.length} backtested trades on the last ${bars.length} candles`,
            candleKey: `${name}:${instrumentId}:${interval}:${last.openTime.toISOString()}`,
          },
          randomUUID(),
        );
        signalled.push(name);
      } catch (error) {
        // Another replica (or an earlier run) already signalled this strategy on this candle.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') continue;
        throw error;
      }
    }
    if (signalled.length > 0) {
      log.info({ symbol: instrument.symbol, signalled, candle: last.openTime }, 'strategies signalled');
      onCommitted?.();
    }
    return signalled;
  }

  return { interval, run };
}

export type StrategyRunner = ReturnType<typeof createStrategyRunner>;
