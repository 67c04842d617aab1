import type { Viewer } from '../../platform/auth/viewer';
import { createMemoryBus } from '../../platform/events/memoryBus';
import { createLogger } from '../../platform/logger';
import type { PrismaClient } from '../../platform/prisma';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { createLearningSubgraph } from './server';
import { viewer, codeOf, type Data, type Result } from '../../test/support/subgraphTest';
export { viewer, codeOf, type Data, type Result };

export interface HarnessOptions {
  /** The clock the services read (heartbeats, drip release, time limits). */
  now?: () => Date;
  /** Serve through this client instead of the database's own (e.g. one that counts SQL). */
  prismaFor?: (url: string) => PrismaClient;
}

/** The learning subgraph on a fresh database, queried as the gateway would (signed viewer, `_entities`). */
export async function startLearning(options: HarnessOptions = {}) {
  const db: TestDatabase = await createTestDatabase();
  const logger = createLogger({ name: 'test', level: 'silent' });
  const served = options.prismaFor?.(db.url);
  const infra = {
    prisma: served ?? db.prisma,
    bus: createMemoryBus({ logger }),
    readiness: {},
    start: async () => {},
    stop: async () => {},
  };
  const subgraph = createLearningSubgraph(
    { infra, logger, gatewaySecret: 'x'.repeat(32) },
    options.now ? { now: options.now } : {},
  );
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

  return {
    db,
    prisma: db.prisma,
    subgraph,
    run,
    async stop() {
      await subgraph.server.apollo.stop();
      await served?.$disconnect();
      await db.drop();
    },
  };
}

export type LearningHarness = Awaited<ReturnType<typeof startLearning>>;
