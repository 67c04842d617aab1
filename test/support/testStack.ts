import { randomBytes } from 'node:crypto';
import { startStack, type StackOptions } from '../../gateway/stack';
import type { TestDatabase } from './database';
import { createTestKafkaBus, redisUrl, testGatewaySecret, testLogger } from './env';
import { releasedAfterFile } from './resources';

export type TestStack = Awaited<ReturnType<typeof startStack>>;

/**
 * The whole supergraph on `db`, as end-to-end suites run it: ephemeral ports, the real Redis, and the
 * real Kafka broker under a namespace of this run only. Files may run at the same time (jest workers),
 * so everything they share on Redis is this stack's own too: live channels and the lockout namespace.
 * `overrides` adds or replaces stack options. `stop()` also stops the stack's Kafka bus, and runs after
 * the file by itself if the file never called it (test/support/environment.js).
 */
export async function startTestStack(
  db: TestDatabase,
  kafkaClientId: string,
  overrides: Partial<StackOptions> = {},
): Promise<TestStack> {
  const own = `${kafkaClientId}.${randomBytes(4).toString('hex')}`;
  const bus = overrides.bus ?? createTestKafkaBus(kafkaClientId);
  const stack = await startStack({
    databaseUrl: db.url,
    bus,
    redisUrl,
    gatewaySecret: testGatewaySecret,
    logger: testLogger,
    gatewayPort: 0,
    subgraphPorts: 'ephemeral',
    outboxPollMs: 50,
    ...overrides,
    liveChannels: { user: `live.user.${own}`, ticks: `live.ticks.${own}`, ...overrides.liveChannels },
    signals: { liveChannel: `live.signals.${own}`, ...overrides.signals },
    identity: { lockoutNamespace: `identity.${own}:`, ...overrides.identity },
  }).catch(async (error: unknown) => {
    // startStack stopped what it had started; the bus is ours to stop.
    if (!overrides.bus) await bus.stop();
    throw error;
  });
  const stop = stack.stop;
  return {
    ...stack,
    stop: releasedAfterFile(`stack ${own}`, async () => {
      try {
        await stop();
      } finally {
        if (!overrides.bus) await bus.stop();
      }
    }),
  };
}
