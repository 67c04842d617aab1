import { randomUUID } from 'node:crypto';
import type { EventBus } from '../../platform/events/envelope';
import { createKafkaBus } from '../../platform/events/kafkaBus';
import { createLogger } from '../../platform/logger';
import { stoppedAfterFile } from './resources';

/** The real broker .ci/run starts; tests that need Kafka use it, never a stand-in. */
export const kafkaBrokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';

export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export const testLogger = createLogger({ name: 'test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export const testGatewaySecret = 'test-gateway-secret-0123456789abcdef';

/** Polls until `probe` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A fresh Kafka namespace: this run's topics and consumer groups are its own on the shared broker. */
export function testKafkaNamespace(): string {
  return `test-${randomUUID().slice(0, 8)}`;
}

/**
 * A bus on the real broker, isolated by namespace so concurrent runs (and earlier runs' history) never
 * reach this one's consumers. Pass the same namespace to every bus that must see the same events.
 */
export function createTestKafkaBus(clientId: string, namespace: string = testKafkaNamespace()): EventBus {
  const bus = createKafkaBus({ brokers: kafkaBrokers.split(','), clientId, logger: testLogger, namespace });
  return { ...bus, stop: stoppedAfterFile(`Kafka bus ${clientId} (${namespace})`, () => bus.stop()) };
}
