import { randomUUID } from 'node:crypto';
import type { MarketTickPayload } from '../../../platform/events/topics';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { testLogger } from '../../../test/support/env';
import { memoryInfrastructure } from '../../../test/support/memoryInfrastructure';
import { testGatewaySecret } from '../../../test/support/env';
import { viewer } from '../../../test/support/subgraphTest';
import { createSignalsSubgraph } from '../server';
import { applyTick } from '../services/lifecycle';
import { marketDataSettingsSchema } from './settings';

// A quote older than the feed's staleness limit is recorded (and shown as stale) but closes no signal and
// triggers no alert; a fresh one at the same price does both.
describe('stale ticks in signals', () => {
  let db: TestDatabase;
  let instrumentId: string;
  const hourAgo = new Date(Date.now() - 3_600_000);

  beforeAll(async () => {
    db = await createTestDatabase();
    const instrument = await db.prisma.instrument.create({
      data: {
        symbol: 'STL-USDT',
        name: 'Stale test',
        assetClass: 'CRYPTO',
        exchange: 'BINANCE',
        baseAsset: 'STL',
        quoteCurrency: 'USDT',
        tickSize: '0.01',
      },
    });
    instrumentId = instrument.id;
    await db.prisma.signal.create({
      data: {
        instrumentId,
        side: 'BUY',
        strategy: 'manual',
        price: '100',
        confidence: '0.5',
        targetPrice: '110',
        stopLoss: '90',
        createdAt: hourAgo,
      },
    });
    await db.prisma.priceAlert.create({
      data: { userId: randomUUID(), instrumentId, direction: 'ABOVE', price: '105', createdAt: hourAgo },
    });
  });
  afterAll(async () => {
    await db?.drop();
  });

  const tick = (ageSeconds: number): MarketTickPayload => ({
    instrumentId,
    symbol: 'STL-USDT',
    price: '111',
    bid: '110.99',
    ask: '111.01',
    at: new Date(Date.now() - ageSeconds * 1000).toISOString(),
    source: 'BINANCE',
    staleAfterSeconds: 60,
  });

  it('records an old quote without acting on it, then acts on a fresh one', async () => {
    const stale = await db.prisma.$transaction((tx) => applyTick(tx, tick(600), null));
    expect(stale).toEqual({ closed: [], triggered: [] });
    expect(await db.prisma.signal.count({ where: { instrumentId, status: 'ACTIVE' } })).toBe(1);
    expect(await db.prisma.priceAlert.count({ where: { instrumentId, status: 'ACTIVE' } })).toBe(1);

    const signals = createSignalsSubgraph(
      {
        infra: memoryInfrastructure(db.prisma, testLogger),
        logger: testLogger,
        gatewaySecret: testGatewaySecret,
      },
      { marketData: marketDataSettingsSchema.parse({ MARKET_DATA_STALE_SECONDS: '60' }) },
    );
    const query = `{ instrument(symbol: "STL-USDT") { lastPrice quote { price source stale at } } }`;
    const read = async () => {
      const response = await signals.server.apollo.executeOperation(
        { query },
        { contextValue: signals.server.testContext(viewer('TRADER')) },
      );
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult;
    };
    expect((await read()).data).toEqual({
      instrument: {
        lastPrice: '111',
        quote: { price: '111', source: 'BINANCE', stale: true, at: expect.any(String) },
      },
    });

    const fresh = await db.prisma.$transaction((tx) => applyTick(tx, tick(1), null));
    expect(fresh.closed).toHaveLength(1);
    expect(fresh.triggered).toHaveLength(1);
    const after = (await read()).data as { instrument: { quote: { stale: boolean } } };
    expect(after.instrument.quote.stale).toBe(false);
    await signals.server.apollo.stop();
  });
});
