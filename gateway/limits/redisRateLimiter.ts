import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { BucketState, RateBucket, RateDecision, RateLimiter } from './rateLimiter';
import { slidingWindowScript } from './slidingWindowScript';

interface SlidingWindowCommand {
  slidingWindow(...args: (string | number)[]): Promise<number[]>;
}

export interface RedisRateLimiter extends RateLimiter {
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The limiter every gateway node shares. Its connection fails fast instead of queueing commands while
 * Redis is away, so the caller can fall back at once rather than hold requests.
 */
export function createRedisRateLimiter(
  url: string,
  options: { prefix?: string; commandTimeoutMs?: number } = {},
) {
  const prefix = options.prefix ?? 'ts:rl:';
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 500,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  }) as Redis & SlidingWindowCommand;
  redis.defineCommand('slidingWindow', { lua: slidingWindowScript });
  // Connection errors surface on the commands (and in readiness); the event only needs a listener.
  redis.on('error', () => {});
  const connecting = redis.connect().catch(() => undefined);

  const limiter: RedisRateLimiter = {
    async consume(buckets: RateBucket[]): Promise<RateDecision> {
      await connecting;
      const keys = buckets.flatMap((bucket) => [`${prefix}${bucket.key}`, `${prefix}${bucket.key}:total`]);
      const args = buckets.flatMap((bucket) => [bucket.limit, bucket.windowMs, bucket.cost]);
      const reply = await redis.slidingWindow(buckets.length * 2, ...keys, randomUUID(), ...args);
      const states = buckets.map((bucket, i): BucketState => {
        const [remaining, resetMs, retryAfterMs] = reply.slice(3 * i + 1, 3 * i + 4) as [
          number,
          number,
          number,
        ];
        return { limit: bucket.limit, remaining, resetMs, ...(retryAfterMs >= 0 ? { retryAfterMs } : {}) };
      });
      return { allowed: reply[0] === 1, buckets: states };
    },
    async ready() {
      try {
        return (await redis.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
  return limiter;
}
