import type { Logger } from '../../platform/logger';
import { createMemoryRateLimiter } from './memoryRateLimiter';
import type { RateBucket, RateDecision, RateLimiter } from './rateLimiter';
import { createRedisRateLimiter } from './redisRateLimiter';

export type RateLimiterHealth = 'up' | 'degraded';

/**
 * Redis when it answers; this process's own limiter when it does not. Never an open door (requests
 * are still counted, per node) and never an outage (requests are still served). Every request tries
 * Redis first, so the shared limits come back as soon as Redis does.
 */
export function createResilientRateLimiter(redisUrl: string | undefined, logger: Logger, prefix?: string) {
  const shared = redisUrl ? createRedisRateLimiter(redisUrl, { prefix }) : undefined;
  const local = createMemoryRateLimiter();
  let degraded = false;

  function markDegraded(error: unknown): void {
    if (degraded) return;
    degraded = true;
    logger.error({ err: error }, 'rate limiter: Redis not answering, limiting per process until it is back');
  }

  return {
    kind: shared ? ('redis' as const) : ('in-process' as const),
    async consume(buckets: RateBucket[]): Promise<RateDecision> {
      if (!buckets.length) return { allowed: true, buckets: [] };
      if (!shared) return local.consume(buckets);
      try {
        const decision = await shared.consume(buckets);
        if (degraded) {
          degraded = false;
          logger.warn('rate limiter: Redis answers again, shared limits restored');
        }
        return decision;
      } catch (error) {
        markDegraded(error);
        return local.consume(buckets);
      }
    },
    /** For /readyz: degraded while Redis does not answer and requests are limited per process. */
    async health(): Promise<RateLimiterHealth> {
      if (!shared) return 'up';
      if (await shared.ready()) return 'up';
      markDegraded(new Error('PING failed'));
      return 'degraded';
    },
    async close(): Promise<void> {
      await shared?.close();
    },
  } satisfies RateLimiter & Record<string, unknown>;
}

export type ResilientRateLimiter = ReturnType<typeof createResilientRateLimiter>;
