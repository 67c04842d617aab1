import { createLogger } from '../../platform/logger';

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
