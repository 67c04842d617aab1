import { once } from 'node:events';
import {
  createBinanceCompatibleServer,
  type BinanceCompatibleServer,
} from '../../../emulators/binance/index';
import { createSimulatedMarket, type SimulatedMarket } from '../../../emulators/binance/simulatedMarket';
import { createMemoryBus } from '../../../platform/events/memoryBus';
import type { MarketTickPayload } from '../../../platform/events/topics';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { testLogger } from '../../../test/support/env';
import { createMarketDataIngestion, type MarketDataIngestion } from './ingestion';
import { marketDataSettingsSchema } from './settings';

// Ingestion through CCXT against our Binance-compatible emulator: backfill, live 1m candles from trades,
// a dropped WebSocket (REST fallback, then back), a gap (backfilled from klines), and SIMULATED labels.
describe('market-data ingestion against the Binance emulator', () => {
  let db: TestDatabase;
  let market: SimulatedMarket;
  let exchange: BinanceCompatibleServer;
  let ingestion: MarketDataIngestion;
  let instrumentId: string;
  const bus = createMemoryBus({ logger: testLogger });
  const ticks: MarketTickPayload[] = [];
  // Trades every 10 s of market time: a virtual clock moved by the test, never by sleeping.
  let clock = Math.floor(Date.now() / 60_000) * 60_000 + 1_000;

  /** One trade per symbol, `seconds` later; resolves once ingestion published or held its tick. */
  function trade(seconds = 10) {
    clock += seconds * 1000;
    return market.step()[0]!;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const instrument = await db.prisma.instrument.create({
      data: {
        symbol: 'BTC-USDT',
        name: 'Bitcoin / Tether',
        assetClass: 'CRYPTO',
        exchange: 'BINANCE',
        baseAsset: 'BTC',
        quoteCurrency: 'USDT',
        tickSize: '0.01',
      },
    });
    instrumentId = instrument.id;
    market = createSimulatedMarket({
      symbols: [{ symbol: 'BTCUSDT', startPrice: 60_000 }],
      historyMinutes: 30,
      now: () => clock,
    });
    exchange = createBinanceCompatibleServer({
      apiKey: 'k',
      secret: 's',
      markets: [{ symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT' }],
      market,
    });
    const url = await exchange.start();
    await bus.subscribe({
      groupId: 'test',
      topics: ['market.ticks'],
      handler: async (event) => {
        ticks.push(event.payload as MarketTickPayload);
      },
    });
    ingestion = createMarketDataIngestion({
      prisma: db.prisma,
      bus,
      logger: testLogger,
      settings: marketDataSettingsSchema.parse({
        MARKET_DATA_EXCHANGE: 'binance',
        MARKET_DATA_REST_URL: url,
        MARKET_DATA_WS_URL: url.replace(/^http/, 'ws'),
        MARKET_DATA_STALE_SECONDS: '60',
      }),
      now: () => market.now(),
      retryMs: 50,
      // Held ticks go out only when a later trade ends their window: no timer races the virtual clock.
      flushEveryMs: 3_600_000,
    });
    const ingesting = once(ingestion.events, 'ingesting');
    await ingestion.start();
    await ingesting;
  });

  afterAll(async () => {
    await ingestion?.stop();
    await exchange?.stop();
    await db?.drop();
  });

  const minutes = (interval: string) =>
    db.prisma.candle.findMany({ where: { instrumentId, interval }, orderBy: { openTime: 'asc' } });

  it('backfills the 1m history on start and rolls it up, labelled SIMULATED from the exchange data', async () => {
    const stored = await minutes('1m');
    // 30 minutes of history before the emulator's start; the current minute is still open.
    expect(stored).toHaveLength(30);
    expect(new Set(stored.map((c) => c.source))).toEqual(new Set(['SIMULATED']));
    const emulated = market.klines('BTCUSDT', 60_000, { limit: 1000 });
    expect(stored[5]!.close.toNumber()).toBe(emulated[5]!.close);
    expect((await minutes('5m')).length).toBeGreaterThanOrEqual(6);
  });

  /** Resolves once the ingester's trade stream is subscribed on the emulator. */
  async function streaming() {
    const streams = exchange.streams!;
    while (!streams.subscribed('btcusdt@trade')) await once(streams.events, 'subscribed');
  }

  it('builds 1m candles from live trades, equal to the exchange klines, and rolls them up', async () => {
    await streaming();
    // Two minutes of trades, 10 s apart: the first minute was joined late (taken from the exchange), the
    // second is built from the trades alone.
    const target = Math.floor(clock / 60_000) * 60_000 + 120_000;
    while (clock < target + 10_000) {
      const published = once(ingestion.events, 'tick');
      trade(10);
      await published;
    }
    await eventuallyStored(target - 60_000);
    const [built] = await db.prisma.candle.findMany({
      where: { instrumentId, interval: '1m', openTime: new Date(target - 60_000) },
    });
    const [kline] = market.klines('BTCUSDT', 60_000, { startTime: target - 60_000, limit: 1 });
    expect(built!.open.toNumber()).toBe(kline!.open);
    expect(built!.high.toNumber()).toBe(kline!.high);
    expect(built!.low.toNumber()).toBe(kline!.low);
    expect(built!.close.toNumber()).toBe(kline!.close);
    expect(built!.volume.toNumber()).toBeCloseTo(kline!.volume, 8);
    const [fiveMinute] = await db.prisma.candle.findMany({
      where: {
        instrumentId,
        interval: '5m',
        openTime: new Date(Math.floor((target - 60_000) / 300_000) * 300_000),
      },
    });
    expect(fiveMinute!.high.toNumber()).toBeGreaterThanOrEqual(built!.high.toNumber());
  });

  /** Waits for the ingester's `candles` event covering `openTime`. */
  async function eventuallyStored(openTime: number) {
    const has = async () =>
      (await db.prisma.candle.count({
        where: { instrumentId, interval: '1m', openTime: new Date(openTime) },
      })) > 0;
    while (!(await has())) await once(ingestion.events, 'candles');
  }

  it('publishes at most one tick per second of quote time, holding those in between', async () => {
    ticks.length = 0;
    clock = Math.ceil(clock / 1000) * 1000 + 1000;
    const sent: string[] = [];
    const listener = (tick: MarketTickPayload) => sent.push(tick.at);
    ingestion.events.on('tick', listener);
    // Five trades 300 ms apart: at 0 ms (sent), 300/600/900 (held), 1200 (sent, newer than the window).
    for (let i = 0; i < 5; i += 1) {
      const received = once(ingestion.events, 'tradeSeen');
      trade(i === 0 ? 0 : 0.3);
      await received;
    }
    ingestion.events.off('tick', listener);
    expect(sent.map((at) => Date.parse(at) - Date.parse(sent[0]!))).toEqual([0, 1200]);
  });

  it('falls back to REST polling when the WebSocket drops, and streams again once it is back', async () => {
    const fallback = once(ingestion.events, 'fallback');
    exchange.streams!.refuseConnections(true);
    exchange.streams!.dropConnections();
    await fallback;
    // The REST poll priced the instrument while the stream was down.
    const polled = once(ingestion.events, 'tick');
    clock += 2_000;
    await polled;
    exchange.streams!.refuseConnections(false);
    await streaming();
    const live = once(ingestion.events, 'tradeSeen');
    trade(10);
    await live;
  });

  it('backfills a gap of skipped minutes from the exchange klines', async () => {
    await streaming();
    const before = await db.prisma.candle.count({ where: { instrumentId, interval: '1m' } });
    market.skipMinutes(5);
    const backfilled = once(ingestion.events, 'backfill');
    trade(10);
    const [report] = (await backfilled) as [{ count: number; from: number; to: number }];
    expect(report.count).toBeGreaterThanOrEqual(5);
    const stored = await minutes('1m');
    expect(stored.length).toBeGreaterThanOrEqual(before + 5);
    // Contiguous minutes, each equal to the exchange's kline.
    const klines = new Map(market.klines('BTCUSDT', 60_000, { limit: 1000 }).map((k) => [k.openTime, k]));
    for (let i = 1; i < stored.length; i += 1)
      expect(stored[i]!.openTime.getTime() - stored[i - 1]!.openTime.getTime()).toBe(60_000);
    for (const candle of stored.slice(-5))
      expect(candle.close.toNumber()).toBe(klines.get(candle.openTime.getTime())!.close);
  });
});
