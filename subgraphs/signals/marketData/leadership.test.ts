import { once } from 'node:events';
import {
  createBinanceCompatibleServer,
  type BinanceCompatibleServer,
} from '../../../emulators/binance/index';
import { createSimulatedMarket } from '../../../emulators/binance/simulatedMarket';
import { createMemoryBus } from '../../../platform/events/memoryBus';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { testLogger } from '../../../test/support/env';
import { createMarketDataIngestion, type MarketDataIngestion } from './ingestion';
import { marketDataSettingsSchema } from './settings';

// Several signals replicas run in production: one ingests (holds the lease), the others take over when it
// stops.
describe('market-data leadership', () => {
  let db: TestDatabase;
  let exchange: BinanceCompatibleServer;
  const replicas: MarketDataIngestion[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.prisma.instrument.create({
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
    const market = createSimulatedMarket({
      symbols: [{ symbol: 'BTCUSDT', startPrice: 60_000 }],
      historyMinutes: 5,
    });
    exchange = createBinanceCompatibleServer({ apiKey: 'k', secret: 's', market });
    const url = await exchange.start();
    const settings = marketDataSettingsSchema.parse({
      MARKET_DATA_EXCHANGE: 'binance',
      MARKET_DATA_REST_URL: url,
      MARKET_DATA_WS_URL: url.replace(/^http/, 'ws'),
    });
    for (let i = 0; i < 2; i += 1)
      replicas.push(
        createMarketDataIngestion({
          prisma: db.prisma,
          bus: createMemoryBus({ logger: testLogger }),
          logger: testLogger,
          settings,
          leaseTtlMs: 3_000,
        }),
      );
  });

  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    await exchange?.stop();
    await db?.drop();
  });

  it('lets one replica ingest at a time and hands over when the leader stops', async () => {
    const [first, second] = replicas as [MarketDataIngestion, MarketDataIngestion];
    const firstIngesting = once(first.events, 'ingesting');
    await first.start();
    await firstIngesting;
    await second.start();
    expect([first.leading, second.leading]).toEqual([true, false]);
    const takeover = once(second.events, 'ingesting');
    await first.stop();
    await takeover;
    expect([first.leading, second.leading]).toEqual([false, true]);
  });
});
