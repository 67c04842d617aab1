import type { ApolloServerPlugin } from '@apollo/server';
import type { EventBus } from '../../platform/events/envelope';
import { createKafkaBus } from '../../platform/events/kafkaBus';
import type { Logger } from '../../platform/logger';
import type { GatewayConfig } from '../config';
import type { GatewayContext } from '../subgraphDataSource';
import { createResponseCache } from './responseCache';

/**
 * The gateway's response cache as its config asks: on only with an event bus to learn of course
 * changes (the stack's, or Kafka from KAFKA_BROKERS); without one nothing is cached, never stale.
 */
export function gatewayResponseCache(
  config: GatewayConfig,
  supergraphSdl: string,
  logger: Logger,
  sharedBus?: EventBus,
): { plugins: ApolloServerPlugin<GatewayContext>[]; start(): Promise<void>; stop(): Promise<void> } {
  const ownBus =
    !sharedBus && config.KAFKA_BROKERS && config.RESPONSE_CACHE === 'on'
      ? createKafkaBus({
          brokers: config.KAFKA_BROKERS.split(','),
          clientId: `${config.KAFKA_CLIENT_ID}-gateway`,
          namespace: config.KAFKA_NAMESPACE,
          logger,
        })
      : undefined;
  const bus = sharedBus ?? ownBus;
  if (config.RESPONSE_CACHE === 'off' || !bus) {
    return { plugins: [], start: async () => {}, stop: async () => {} };
  }
  const cache = createResponseCache({
    supergraphSdl,
    bus,
    redisUrl: config.REDIS_URL,
    ttlMs: config.RESPONSE_CACHE_TTL_MS,
    prefix: config.RESPONSE_CACHE_PREFIX,
    logger,
  });
  return {
    plugins: [cache.plugin],
    async start() {
      await ownBus?.start();
      await cache.start();
    },
    async stop() {
      await cache.stop();
      await ownBus?.stop();
    },
  };
}
