import { createRedis } from '../../platform/redis';

/** Cached response bodies, and a way to drop them all at once. */
export interface ResponseCacheStore {
  readonly kind: 'redis' | 'in-process';
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  clear(): Promise<void>;
  close(): Promise<void>;
}

// Deletes every key the index set names, then the set: one round trip, atomic.
const clearScript = `
local keys = redis.call('SMEMBERS', KEYS[1])
for i = 1, #keys, 500 do
  redis.call('DEL', unpack(keys, i, math.min(i + 499, #keys)))
end
redis.call('DEL', KEYS[1])
return #keys`;

/** Shared by every gateway node; each entry is also listed in an index set so `clear` finds it. */
export function createRedisResponseCacheStore(url: string, prefix: string): ResponseCacheStore {
  const redis = createRedis(url);
  const index = `${prefix}index`;
  return {
    kind: 'redis',
    get: (key) => redis.get(`${prefix}${key}`),
    async set(key, value, ttlMs) {
      await redis
        .multi()
        .set(`${prefix}${key}`, value, 'PX', ttlMs)
        .sadd(index, `${prefix}${key}`)
        .pexpire(index, ttlMs * 2)
        .exec();
    },
    async clear() {
      await redis.eval(clearScript, 1, index);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** `npm start` without Redis: one process, one map. */
export function createMemoryResponseCacheStore(maxEntries = 1_000): ResponseCacheStore {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  return {
    kind: 'in-process',
    async get(key) {
      const entry = entries.get(key);
      if (!entry || entry.expiresAt <= Date.now()) return null;
      return entry.value;
    },
    async set(key, value, ttlMs) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, expiresAt: Date.now() + ttlMs });
    },
    async clear() {
      entries.clear();
    },
    async close() {
      entries.clear();
    },
  };
}
