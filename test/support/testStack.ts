import { startStack, type StackOptions } from '../../gateway/stack';
import type { TestDatabase } from './database';
import { createTestKafkaBus, redisUrl, testGatewaySecret, testLogger } from './env';

export type TestStack = Awaited<ReturnType<typeof startStack>>;

/**
 * The whole supergraph on `db`, as end-to-end suites run it: ephemeral ports, the real Redis, and the
 * real Kafka broker under a namespace of this run only. `overrides` adds or replaces stack options.
 */
export function startTestStack(
  db: TestDatabase,
  kafkaClientId: string,
  overrides: Partial<StackOptions> = {},
): Promise<TestStack> {
  return startStack({
    databaseUrl: db.url,
    bus: createTestKafkaBus(kafkaClientId),
    redisUrl,
    gatewaySecret: testGatewaySecret,
    logger: testLogger,
    gatewayPort: 0,
    subgraphPorts: 'ephemeral',
    outboxPollMs: 50,
    ...overrides,
  });
}
