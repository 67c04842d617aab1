import type { Logger } from '../../../platform/logger';
import { Prisma, type PrismaClient } from '../../../platform/prisma';
import type { MarketTickPayload } from '../../../platform/events/topics';
import { createTickListeners, type MarketDataFeed } from './feed';

const INTERVAL_MS: Record<string, number> = {
  '1m': 60_000,
  '5m': 300_000,
  '1h': 3_600_000,
  '1d': 86_400_000,
};
/** Ticks per candle: open, the first extreme, the second extreme, close. */
const PATH_POINTS = 4;

export interface CandleReplayOptions {
  prisma: PrismaClient;
  logger: Logger;
  /** Stored candle interval to replay (1m, 5m, 1h, 1d). */
  interval?: string;
  /** Market time per wall-clock time: 3600 plays an hour of candles per second. */
  speed?: number;
  /** How many of the most recent candles per instrument to replay, in a loop. */
  lookback?: number;
  /**
   * Scale the recorded moves so the replay starts at each instrument's latest close (live signals priced
   * at the latest close stay meaningful); false plays the recorded prices exactly.
   */
  rebase?: boolean;
  /** Whether the stored candles are generated (the seed's) rather than recorded market data. */
  synthetic: boolean;
}

interface Track {
  instrumentId: string;
  symbol: string;
  tickSize: Prisma.Decimal;
  candles: { open: Prisma.Decimal; high: Prisma.Decimal; low: Prisma.Decimal; close: Prisma.Decimal }[];
  scale: Prisma.Decimal;
}

/** Intra-candle path: a rising candle visits its low before its high, a falling one the reverse. */
function pathOf(candle: Track['candles'][number]): Prisma.Decimal[] {
  const rising = candle.close.greaterThanOrEqualTo(candle.open);
  return [candle.open, rising ? candle.low : candle.high, rising ? candle.high : candle.low, candle.close];
}

/**
 * Replays stored candles as ticks at `speed` times real time: four ticks per candle (open, extremes,
 * close), every instrument stepping together, looping at the end. Ticks carry the wall-clock time, so
 * the lifecycle treats them as live prices.
 */
export function createCandleReplayFeed({
  prisma,
  logger,
  interval = '1h',
  speed = 450,
  lookback = 500,
  rebase = true,
  synthetic,
}: CandleReplayOptions): MarketDataFeed & { step(): MarketTickPayload[] } {
  const candleMs = INTERVAL_MS[interval];
  if (!candleMs) throw new Error(`cannot replay candle interval ${interval}`);
  if (!(speed > 0)) throw new Error('replay speed must be positive');
  const log = logger.child({ component: 'candle-replay-feed', interval, speed, synthetic });
  const listeners = createTickListeners(log);
  let tracks: Track[] = [];
  let position = 0;
  let timer: NodeJS.Timeout | undefined;

  async function load(): Promise<Track[]> {
    const instruments = await prisma.instrument.findMany({
      orderBy: { symbol: 'asc' },
      include: { candles: { where: { interval }, orderBy: { openTime: 'desc' }, take: lookback } },
    });
    return instruments
      .filter((instrument) => instrument.candles.length > 0)
      .map((instrument) => {
        const candles = [...instrument.candles].reverse();
        const latest = instrument.candles[0]!.close;
        return {
          instrumentId: instrument.id,
          symbol: instrument.symbol,
          tickSize: instrument.tickSize,
          candles,
          scale: rebase ? latest.div(candles[0]!.open) : new Prisma.Decimal(1),
        };
      });
  }

  function tickOf(track: Track, recorded: Prisma.Decimal, at: string): MarketTickPayload {
    const scaled = recorded.mul(track.scale);
    const onGrid = Prisma.Decimal.max(
      scaled.div(track.tickSize).toDecimalPlaces(0).mul(track.tickSize),
      track.tickSize,
    );
    return {
      instrumentId: track.instrumentId,
      symbol: track.symbol,
      price: onGrid.toString(),
      bid: onGrid.sub(track.tickSize).toString(),
      ask: onGrid.add(track.tickSize).toString(),
      at,
    };
  }

  /** The next point of every instrument's path; exposed so tests can step without timers. */
  function step(): MarketTickPayload[] {
    const at = new Date().toISOString();
    const ticks = tracks.map((track) => {
      const candleIndex = Math.floor(position / PATH_POINTS) % track.candles.length;
      const point = pathOf(track.candles[candleIndex]!)[position % PATH_POINTS]!;
      return tickOf(track, point, at);
    });
    position += 1;
    return ticks;
  }

  return {
    name: `candle-replay:${interval}`,
    synthetic,
    subscribe: listeners.subscribe,
    step,
    async start() {
      tracks = await load();
      position = 0;
      const everyMs = Math.max(10, candleMs / speed / PATH_POINTS);
      timer = setInterval(() => listeners.emit(step()), everyMs);
      log.info({ instruments: tracks.length, everyMs }, 'candle replay started');
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await listeners.drain();
    },
  };
}
