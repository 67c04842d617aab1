import { randomUUID } from 'node:crypto';
import type { EventBus, EventEnvelope } from '../../platform/events/envelope';
import { MarketTopics, type MarketTickPayload } from '../../platform/events/topics';
import type { Logger } from '../../platform/logger';
import { Prisma, type PrismaClient } from '../../platform/prisma';

interface FeedInstrument {
  id: string;
  symbol: string;
  tickSize: Prisma.Decimal;
  price: Prisma.Decimal;
}

/** mulberry32: a small seeded PRNG, so a replay is the same walk every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface ReplayFeedOptions {
  prisma: PrismaClient;
  bus: EventBus;
  logger: Logger;
  intervalMs?: number;
  seed?: number;
}

/**
 * A stand-in market-data feed for `npm start` and demos: starting from each instrument's latest
 * close, a seeded random walk (at most ±0.2% a step, on the tick grid) published to `market.ticks`.
 * Ticks go straight to the bus, not through the outbox: they announce no state change of ours, and a
 * lost tick is superseded by the next one. A real exchange feed replaces this behind the same topic.
 */
export function createReplayMarketFeed({
  prisma,
  bus,
  logger,
  intervalMs = 2_000,
  seed = 42,
}: ReplayFeedOptions) {
  const log = logger.child({ component: 'replay-market-feed' });
  const random = seededRandom(seed);
  let instruments: FeedInstrument[] = [];
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  async function load(): Promise<FeedInstrument[]> {
    const rows = await prisma.$queryRawUnsafe<
      { id: string; symbol: string; tick_size: Prisma.Decimal; close: Prisma.Decimal }[]
    >(
      `SELECT DISTINCT ON (i.id) i.id::text AS id, i.symbol, i.tick_size, c.close
         FROM signals.instrument i JOIN signals.candle c ON c.instrument_id = i.id
        ORDER BY i.id, c.open_time DESC`,
    );
    return rows.map((row) => ({
      id: row.id,
      symbol: row.symbol,
      tickSize: new Prisma.Decimal(row.tick_size),
      price: new Prisma.Decimal(row.close),
    }));
  }

  function step(instrument: FeedInstrument): MarketTickPayload {
    const drift = new Prisma.Decimal((random() - 0.5) * 0.004);
    const moved = instrument.price.mul(drift.add(1));
    const onGrid = moved.div(instrument.tickSize).toDecimalPlaces(0).mul(instrument.tickSize);
    instrument.price = onGrid.greaterThan(0) ? onGrid : instrument.tickSize;
    const price = instrument.price;
    return {
      instrumentId: instrument.id,
      symbol: instrument.symbol,
      price: price.toString(),
      bid: price.sub(instrument.tickSize).toString(),
      ask: price.add(instrument.tickSize).toString(),
      at: new Date().toISOString(),
    };
  }

  async function publishTicks(): Promise<void> {
    const events: EventEnvelope<MarketTickPayload>[] = instruments.map((instrument) => {
      const tick = step(instrument);
      return {
        id: randomUUID(),
        topic: MarketTopics.ticks,
        key: instrument.id,
        type: 'MarketTick',
        payload: tick,
        correlationId: null,
        occurredAt: tick.at,
      };
    });
    await bus.publish(events);
  }

  return {
    async start(): Promise<void> {
      instruments = await load();
      await publishTicks();
      timer = setInterval(() => {
        inFlight = publishTicks().catch((error: unknown) => log.warn({ err: error }, 'tick publish failed'));
      }, intervalMs);
      log.info({ instruments: instruments.length, intervalMs }, 'replay market feed started');
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      timer = undefined;
      await inFlight;
    },
  };
}

export type ReplayMarketFeed = ReturnType<typeof createReplayMarketFeed>;
