import type { BucketState, RateBucket, RateDecision, RateLimiter } from './rateLimiter';

interface Entry {
  at: number;
  cost: number;
}

const SWEEP_ABOVE_KEYS = 10_000;

/**
 * The same sliding-window log as the Redis script, in this process only: the limiter of `npm start`
 * without Redis, and the fallback while Redis does not answer (each node then limits on its own).
 */
export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const logs = new Map<string, Entry[]>();

  function live(key: string, windowMs: number, at: number): Entry[] {
    const entries = (logs.get(key) ?? []).filter((entry) => entry.at > at - windowMs);
    logs.set(key, entries);
    return entries;
  }

  function sweep(at: number): void {
    // Keys of clients that went away would otherwise stay forever; an hour covers every window we use.
    for (const [key, entries] of logs) {
      if (!entries.length || entries[entries.length - 1]!.at < at - 24 * 3_600_000) logs.delete(key);
    }
  }

  return {
    async consume(buckets: RateBucket[]): Promise<RateDecision> {
      const at = now();
      if (logs.size > SWEEP_ABOVE_KEYS) sweep(at);
      const states: BucketState[] = buckets.map((bucket) => {
        const entries = live(bucket.key, bucket.windowMs, at);
        const used = entries.reduce((sum, entry) => sum + entry.cost, 0);
        const resetMs = entries.length ? entries[0]!.at + bucket.windowMs - at : bucket.windowMs;
        if (used + bucket.cost <= bucket.limit) {
          return { limit: bucket.limit, remaining: bucket.limit - used - bucket.cost, resetMs };
        }
        return {
          limit: bucket.limit,
          remaining: Math.max(0, bucket.limit - used),
          resetMs,
          retryAfterMs: retryAfter(entries, used, bucket, at),
        };
      });
      const allowed = states.every((state) => state.retryAfterMs === undefined);
      if (allowed) {
        for (const bucket of buckets) logs.get(bucket.key)!.push({ at, cost: bucket.cost });
      }
      return { allowed, buckets: states };
    },
  };
}

function retryAfter(entries: Entry[], used: number, bucket: RateBucket, at: number): number {
  if (bucket.cost > bucket.limit) return bucket.windowMs;
  let freed = 0;
  for (const entry of entries) {
    freed += entry.cost;
    if (used - freed + bucket.cost <= bucket.limit) return entry.at + bucket.windowMs - at;
  }
  return bucket.windowMs;
}
