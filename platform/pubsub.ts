import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import { createRedis, redisAnswers } from './redis';

/** The live-event channel every gateway node listens on (signals fan-out publishes here). */
export interface LivePubSub {
  engine: PubSubEngine;
  kind: 'redis' | 'in-process';
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Redis pub/sub when REDIS_URL is set: two connections, because a subscribing connection can issue no
 * other command. Without it (single-process `npm start`), graphql-subscriptions' in-memory PubSub.
 */
export function createLivePubSub(redisUrl: string | undefined): LivePubSub {
  if (!redisUrl) {
    return { engine: new PubSub(), kind: 'in-process', ready: async () => true, close: async () => {} };
  }
  const publisher = createRedis(redisUrl);
  const subscriber = createRedis(redisUrl);
  const engine = new RedisPubSub({ publisher, subscriber });
  return {
    engine,
    kind: 'redis',
    ready: async () => (await redisAnswers(publisher)) && (await redisAnswers(subscriber)),
    async close() {
      await engine.close();
    },
  };
}
