import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../platform/events/envelope';
import { MarketTopics, type MarketTickPayload } from '../../platform/events/topics';
import { Prisma } from '../../platform/prisma';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { createTestKafkaBus, eventually, testLogger } from '../../test/support/env';
import { createReplayMarketFeed } from './marketFeed';

describe('replay market feed on the real Kafka broker', () => {
  let db: TestDatabase;
  const bus = createTestKafkaBus('market-feed-test');
  const instruments = [
    { symbol: `FEED${randomUUID().slice(0, 6)}-USDT`, tickSize: '0.01', close: '100.00' },
    { symbol: `NSE:FEED${randomUUID().slice(0, 6)}`, tickSize: '0.05', close: '2500.00' },
  ];

  beforeAll(async () => {
    db = await createTestDatabase();
    await bus.start();
    for (const spec of instruments) {
      const instrument = await db.prisma.instrument.create({
        data: {
          symbol: spec.symbol,
          name: spec.symbol,
          assetClass: 'CRYPTO',
          exchange: 'TEST',
          baseAsset: 'X',
          quoteCurrency: 'USDT',
          tickSize: spec.tickSize,
        },
      });
      await db.prisma.candle.create({
        data: {
          instrumentId: instrument.id,
          interval: '1h',
          openTime: new Date(),
          open: spec.close,
          high: spec.close,
          low: spec.close,
          close: spec.close,
          volume: '1',
        },
      });
    }
  });

  afterAll(async () => {
    await bus.stop();
    await db.drop();
  });

  it('publishes ticks for every instrument, on the tick grid, moving at most 0.2% a step', async () => {
    const received = new Map<string, MarketTickPayload[]>(instruments.map((spec) => [spec.symbol, []]));
    await bus.subscribe({
      groupId: `market-feed-test-${randomUUID()}`,
      topics: [MarketTopics.ticks],
      handler: async (event: EventEnvelope) => {
        const tick = event.payload as MarketTickPayload;
        received.get(tick.symbol)?.push(tick);
      },
    });
    const feed = createReplayMarketFeed({ prisma: db.prisma, bus, logger: testLogger, intervalMs: 50 });
    await feed.start();
    await eventually(
      async () => ([...received.values()].every((ticks) => ticks.length >= 5) ? true : undefined),
      30_000,
      'five ticks per instrument',
    );
    await feed.stop();

    for (const spec of instruments) {
      const ticks = received.get(spec.symbol)!;
      let previous = new Prisma.Decimal(spec.close);
      for (const tick of ticks.slice(0, 5)) {
        const price = new Prisma.Decimal(tick.price);
        expect(price.mod(spec.tickSize).isZero()).toBe(true);
        // 0.2% of the move plus half a tick of rounding.
        const bound = previous.mul('0.002').add(new Prisma.Decimal(spec.tickSize).div(2));
        expect(price.sub(previous).abs().lessThanOrEqualTo(bound)).toBe(true);
        expect(new Prisma.Decimal(tick.bid!).lessThan(price)).toBe(true);
        expect(new Prisma.Decimal(tick.ask!).greaterThan(price)).toBe(true);
        previous = price;
      }
    }
  });
});
