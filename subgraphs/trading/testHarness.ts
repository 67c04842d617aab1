import { marketTickEnvelope } from '../../platform/events/marketTick';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../platform/auth/viewer';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { type MarketTickPayload } from '../../platform/events/topics';
import { createTradingSubgraph, type TradingOptions } from './server';
import { viewer, codeOf, type Data, type Result } from '../../test/support/subgraphTest';
import { memoryInfrastructure } from '../../test/support/memoryInfrastructure';
export { viewer, codeOf, type Data, type Result };

const instrumentIds = new Map<string, string>();
/** One stable instrument id per symbol within a test run. */
export function instrumentIdOf(symbol: string): string {
  if (!instrumentIds.has(symbol)) instrumentIds.set(symbol, randomUUID());
  return instrumentIds.get(symbol)!;
}

/** The trading subgraph on a fresh database, queried as the gateway would (signed viewer, `_entities`). */
export async function startTrading(options: TradingOptions = {}) {
  const db: TestDatabase = await createTestDatabase();
  const logger = createLogger({ name: 'test', level: 'silent' });
  const infra = memoryInfrastructure(db.prisma, logger);
  const subgraph = createTradingSubgraph({ infra, logger, gatewaySecret: 'x'.repeat(32) }, options);
  await subgraph.server.apollo.start();

  async function run<T = Data>(
    query: string,
    variables: Data = {},
    as: Viewer | null = null,
  ): Promise<Result<T>> {
    const contextValue = subgraph.server.testContext(as);
    const response = await subgraph.server.apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as Result<T>;
  }

  /** Delivers a tick as the paper exchange's Kafka consumer would (store + matching). */
  async function tick(
    symbol: string,
    price: string,
    instrumentId = instrumentIdOf(symbol),
    quote: { bid?: string; ask?: string; at?: string } = {},
  ): Promise<MarketTickPayload> {
    const payload: MarketTickPayload = {
      instrumentId,
      symbol,
      price,
      bid: quote.bid ?? null,
      ask: quote.ask ?? null,
      at: quote.at ?? new Date().toISOString(),
    };
    await subgraph.consumers[3]!.handle(marketTickEnvelope(payload));
    return payload;
  }

  return {
    db,
    tick,
    prisma: db.prisma,
    subgraph,
    run,
    async stop() {
      await subgraph.server.apollo.stop();
      await db.drop();
    },
  };
}

export type TradingHarness = Awaited<ReturnType<typeof startTrading>>;
