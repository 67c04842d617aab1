import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { ApolloGateway } from '@apollo/gateway';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from '../../platform/logger';
import type { LivePubSub } from '../../platform/pubsub';
import type { GatewayContext } from '../subgraphDataSource';
import type { TokenVerifier } from './connectionAuth';
import { createLiveSubscriptions, type LiveSubscriptionsOptions } from './liveSubscriptions';
import type { LiveExecutor } from './liveFanoutHub';
import type { LiveChannelName } from './liveFields';

export interface GatewayLiveOptions {
  gateway: ApolloGateway;
  apollo: ApolloServer<GatewayContext>;
  httpServer: Server;
  pubsub: LivePubSub;
  verifyToken: TokenVerifier;
  currentTier?: LiveSubscriptionsOptions['currentTier'];
  tierCheckMs?: number | undefined;
  logger: Logger;
  freeSignalDelayMs?: number;
  /** Redis channel names (LiveChannels by default). */
  channels?: Partial<Record<LiveChannelName, string | undefined>>;
  /** The HTTP rules per subscribe and the socket limits (gateway/limits/gatewayProtection.ts). */
  admit?: LiveSubscriptionsOptions['admit'];
  socketLimits?: LiveSubscriptionsOptions['socketLimits'];
  clientOf?: LiveSubscriptionsOptions['clientOf'];
}

/**
 * Live subscriptions wired into a gateway: the schema follows every supergraph load, and each event
 * is resolved by the gateway's own Apollo Server (query planner, plugins, limits), as a query would be.
 */
export function attachLiveSubscriptions(options: GatewayLiveOptions) {
  const { apollo, gateway } = options;
  const execute: LiveExecutor = async (query, variables, viewer) => {
    const response = await apollo.executeOperation(
      { query, variables },
      { contextValue: { viewer, correlationId: `live-${randomUUID()}` } },
    );
    if (response.body.kind !== 'single') throw new Error('live queries return a single result');
    return response.body.singleResult;
  };
  return createLiveSubscriptions({
    httpServer: options.httpServer,
    pubsub: options.pubsub,
    channels: options.channels,
    verifyToken: options.verifyToken,
    currentTier: options.currentTier,
    tierCheckMs: options.tierCheckMs,
    execute,
    onSchema: (listener) => gateway.onSchemaLoadOrUpdate(({ apiSchema }) => listener(apiSchema)),
    freeSignalDelayMs: options.freeSignalDelayMs,
    logger: options.logger,
    admit: options.admit,
    socketLimits: options.socketLimits,
    clientOf: options.clientOf,
  });
}
