import type { Viewer } from '../../platform/auth/viewer';
import { createLogger } from '../../platform/logger';
import type { Instrument } from '../../platform/prisma/generated/client';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { createSignalsSubgraph } from './server';
import { viewer, type Data, type Result } from '../../test/support/subgraphTest';
import { memoryInfrastructure } from '../../test/support/memoryInfrastructure';
export { viewer, type Data, type Result };

export const errorOf = (result: Result<unknown>) => result.errors?.[0]?.extensions;
export const day = (n: number) => new Date(Date.UTC(2026, 0, n));

const PUBLISH = `mutation($input: PublishSignalInput!) {
  publishSignal(input: $input) { id sequence side strategy price confidence author { id } instrument { symbol } }
}`;
export const validSignal = {
  symbol: 'btc-usdt',
  side: 'BUY',
  strategy: 'breakout-20d',
  entryPrice: '105.50',
  targetPrice: '110.00',
  stopLoss: '100.00',
  confidence: 75,
  rationale: 'Closed above the 20-day high on rising volume.',
};
/** A BUY at `entryPrice` with its target one unit above and its stop half a unit below. */
export const buyAt = (entryPrice: string, change: Data = {}) => ({
  ...validSignal,
  entryPrice,
  targetPrice: String(Number(entryPrice) + 1),
  stopLoss: String(Number(entryPrice) - 0.5),
  ...change,
});
export type Published = { publishSignal: { id: string; sequence: string; price: string } };

const instrument = (symbol: string, assetClass: 'CRYPTO' | 'EQUITY', tickSize: string) => ({
  symbol,
  name: symbol,
  assetClass,
  exchange: 'X',
  baseAsset: symbol.split(/[-:]/)[0] ?? symbol,
  quoteCurrency: 'USD',
  tickSize,
});
const candle = (instrumentId: string, interval: string, openTime: Date, close: string) => ({
  instrumentId,
  interval,
  openTime,
  open: close,
  high: close,
  low: close,
  close,
  volume: '10.5',
});

/**
 * A signals subgraph on a fresh database with BTC-USDT (daily closes 101.5..105.5 on days 1..5, hourly
 * 201..203), NSE:RELIANCE (daily 2001, 2002) and ETH-USDT (no candles).
 */
export async function startSignalsHarness() {
  const logger = createLogger({ name: 'test', level: 'silent' });
  const db: TestDatabase = await createTestDatabase();
  const infra = memoryInfrastructure(db.prisma, logger);
  const subgraph = createSignalsSubgraph({ infra, logger, gatewaySecret: 'x'.repeat(32) });
  await subgraph.server.apollo.start();
  const btc: Instrument = await db.prisma.instrument.create({
    data: instrument('BTC-USDT', 'CRYPTO', '0.01'),
  });
  const reliance = await db.prisma.instrument.create({ data: instrument('NSE:RELIANCE', 'EQUITY', '0.05') });
  const eth = await db.prisma.instrument.create({ data: instrument('ETH-USDT', 'CRYPTO', '0.01') });
  await db.prisma.candle.createMany({
    data: [
      ...[1, 2, 3, 4, 5].map((n) => candle(btc.id, '1d', day(n), `${100 + n}.5`)),
      ...[1, 2, 3].map((n) => candle(btc.id, '1h', new Date(day(6).getTime() + n * 3600_000), `${200 + n}`)),
      ...[1, 2].map((n) => candle(reliance.id, '1d', day(n), `${2000 + n}`)),
    ],
  });

  async function run<T = Data>(query: string, variables: Data = {}, as: Viewer | null = null) {
    const contextValue = subgraph.server.testContext(as);
    const response = await subgraph.server.apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as Result<T>;
  }

  return {
    db,
    subgraph,
    btc,
    reliance,
    eth,
    run,
    publish: (input: Data, as: Viewer | null) => run<Published>(PUBLISH, { input }, as),
    async stop() {
      await subgraph.server.apollo.stop();
      await db.drop();
    },
  };
}

export type SignalsHarness = Awaited<ReturnType<typeof startSignalsHarness>>;
