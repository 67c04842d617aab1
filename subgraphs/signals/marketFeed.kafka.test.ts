import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../platform/events/envelope';
import { MarketTopics, type MarketTickPayload } from '../../platform/events/topics';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { createTestKafkaBus, eventually, testLogger } from '../../test/support/env';
import { createCandleReplayFeed } from './marketData/candleReplay';
import { createReplayMarketFeed } from './marketFeed';

// The replay feed plays stored candles (open, extremes, close) at a speed factor; published to Kafka.
describe('candle replay market feed', () => {
  let db: TestDatabase;
  const bus = createTestKafkaBus('market-feed-test');
  const symbol = `FEED${randomUUID().slice(0, 6)}-USDT`;
  // A rising candle (low first), then a falling one (high first); the latest close is 104.
  const candles = [
    { open: '100', high: '103', low: '99', close: '102' },
    { open: '102', high: '106', low: '101', close: '104' },
    { open: '104', high: '105', low: '98', close: '99' },
  ];
  const recordedPath = ['100', '99', '103', '102', '102', '101', '106', '104', '104', '105', '98', '99'];

  beforeAll(async () => {
    db = await createTestDatabase();
    await bus.start();
    const instrument = await db.prisma.instrument.create({
      data: {
        symbol,
        name: symbol,
        assetClass: 'CRYPTO',
        exchange: 'TEST',
        baseAsset: 'X',
        quoteCurrency: 'USDT',
        tickSize: '0.01',
      },
    });
    await db.prisma.candle.createMany({
      data: candles.map((c, i) => ({
        instrumentId: instrument.id,
        interval: '1h',
        openTime: new Date(Date.UTC(2026, 0, 1, i)),
        volume: '1',
        ...c,
      })),
    });
  });

  afterAll(async () => {
    await bus.stop();
    await db.drop();
  });

  it('steps through each candle as open, first extreme, second extreme, close, looping at the end', async () => {
    const feed = createCandleReplayFeed({
      prisma: db.prisma,
      logger: testLogger,
      rebase: false,
      synthetic: true,
    });
    expect(feed).toMatchObject({ name: 'candle-replay:1h', synthetic: true });
    await feed.start();
    await feed.stop();
    const prices = Array.from({ length: 14 }, () => feed.step()[0]!.price);
    expect(prices).toEqual([...recordedPath, '100', '99']);
  });

  it('rebases the recorded moves onto the latest close, on the tick grid', async () => {
    const feed = createCandleReplayFeed({ prisma: db.prisma, logger: testLogger, synthetic: true });
    await feed.start();
    await feed.stop();
    const [first, second] = [feed.step()[0]!, feed.step()[0]!];
    // Latest close 99 over the first open 100: every recorded price scaled by 0.99.
    expect(first).toMatchObject({ symbol, price: '99', bid: '98.99', ask: '99.01' });
    expect(second.price).toBe('98.01');
  });

  it('publishes the replay to Kafka market.ticks', async () => {
    const received: MarketTickPayload[] = [];
    await bus.subscribe({
      groupId: `market-feed-test-${randomUUID()}`,
      topics: [MarketTopics.ticks],
      handler: async (event: EventEnvelope) => {
        const tick = event.payload as MarketTickPayload;
        if (tick.symbol === symbol) received.push(tick);
      },
    });
    // An hour of market time in 0.2 s: one tick every 50 ms.
    const feed = createReplayMarketFeed({
      prisma: db.prisma,
      bus,
      logger: testLogger,
      speed: 18_000,
      rebase: false,
    });
    expect(feed.feed.synthetic).toBe(true);
    await feed.start();
    await eventually(async () => (received.length >= 8 ? true : undefined), 30_000, 'eight ticks');
    await feed.stop();
    expect(received.slice(0, 8).map((tick) => tick.price)).toEqual(recordedPath.slice(0, 8));
    expect(received.every((tick) => !Number.isNaN(Date.parse(tick.at)))).toBe(true);
  });

  it('refuses a speed that is not positive and an interval it cannot replay', () => {
    expect(() =>
      createCandleReplayFeed({ prisma: db.prisma, logger: testLogger, speed: 0, synthetic: true }),
    ).toThrow('speed');
    expect(() =>
      createCandleReplayFeed({ prisma: db.prisma, logger: testLogger, interval: '7m', synthetic: true }),
    ).toThrow('interval');
  });
});
