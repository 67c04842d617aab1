import type { Redis } from 'ioredis';
import { createRedis, redisAnswers } from './redis';

/**
 * The little that security state needs from Redis (denylists, attempt counters, single-use markers),
 * behind one interface so `npm start` without REDIS_URL runs on an in-process map.
 */
export interface KeyValueStore {
  readonly kind: 'redis' | 'in-process';
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets only when absent; true when this call set it (a single-use marker). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Adds one; the TTL starts with the first increment of a window. Returns the new count. */
  increment(key: string, ttlMs: number): Promise<number>;
  /** Remaining lifetime in ms, or null when the key does not exist. */
  ttlMs(key: string): Promise<number | null>;
  delete(...keys: string[]): Promise<void>;
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export function createRedisKeyValueStore(url: string, prefix = 'ts:'): KeyValueStore {
  const redis: Redis = createRedis(url);
  const k = (key: string) => `${prefix}${key}`;
  return {
    kind: 'redis',
    get: (key) => redis.get(k(key)),
    async set(key, value, ttlMs) {
      await redis.set(k(key), value, 'PX', Math.max(1, Math.ceil(ttlMs)));
    },
    async setIfAbsent(key, value, ttlMs) {
      return (await redis.set(k(key), value, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK';
    },
    async increment(key, ttlMs) {
      // One round trip, atomically: the TTL is set only by the increment that created the key.
      const [[, count]] = (await redis
        .multi()
        .incr(k(key))
        .pexpire(k(key), Math.max(1, Math.ceil(ttlMs)), 'NX')
        .exec()) as [[Error | null, number]];
      return count;
    },
    async ttlMs(key) {
      const ttl = await redis.pttl(k(key));
      return ttl < 0 ? null : ttl;
    },
    async delete(...keys) {
      if (keys.length) await redis.del(...keys.map(k));
    },
    ready: () => redisAnswers(redis),
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

interface Entry {
  value: string;
  expiresAt: number;
}

// One map per process: in `npm start` the identity subgraph writes and the gateway reads the same
// denylist without Redis. Separate processes need REDIS_URL.
const processWideEntries = new Map<string, Entry>();

export function createMemoryKeyValueStore(entries = processWideEntries, now = Date.now): KeyValueStore {
  function live(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }
  return {
    kind: 'in-process',
    get: async (key) => live(key)?.value ?? null,
    async set(key, value, ttlMs) {
      entries.set(key, { value, expiresAt: now() + ttlMs });
    },
    async setIfAbsent(key, value, ttlMs) {
      if (live(key)) return false;
      entries.set(key, { value, expiresAt: now() + ttlMs });
      return true;
    },
    async increment(key, ttlMs) {
      const entry = live(key);
      const count = (entry ? Number(entry.value) : 0) + 1;
      entries.set(key, { value: String(count), expiresAt: entry?.expiresAt ?? now() + ttlMs });
      return count;
    },
    async ttlMs(key) {
      const entry = live(key);
      return entry ? entry.expiresAt - now() : null;
    },
    async delete(...keys) {
      for (const key of keys) entries.delete(key);
    },
    ready: async () => true,
    async close() {},
  };
}

export function createKeyValueStore(redisUrl: string | undefined): KeyValueStore {
  return redisUrl ? createRedisKeyValueStore(redisUrl) : createMemoryKeyValueStore();
}
