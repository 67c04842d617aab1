import { Redis } from 'ioredis';

/** Long-lived connection; a pub/sub subscriber needs a second one of its own. */
export function createRedis(url: string): Redis {
  return new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
}

/** PING's answer: "PONG", or ["pong", ""] from a connection in subscriber mode. */
export async function redisAnswers(redis: Redis): Promise<boolean> {
  try {
    const reply: unknown = await redis.ping();
    return reply === 'PONG' || (Array.isArray(reply) && String(reply[0]).toLowerCase() === 'pong');
  } catch {
    return false;
  }
}
