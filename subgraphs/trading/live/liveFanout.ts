import { createEventConsumer } from '../../../platform/events/inbox';
import {
  LiveChannels,
  TradingLiveTopics,
  type LiveUserEvent,
  type TradingEntityUpdatedPayload,
} from '../../../platform/events/topics';
import type { LivePubSub } from '../../../platform/pubsub';
import type { SubgraphDeps } from '../../../platform/subgraphModule';

export const TRADING_LIVE_FANOUT = 'trading.live-fanout';

/**
 * Kafka `trading.entity.updated` → the per-user live channel, in each user's commit order, once per event
 * (one consumer group for the deployment). The publish runs inside the inbox transaction: if Redis
 * refuses it, the transaction rolls back and Kafka redelivers.
 */
export function createTradingLiveFanout(
  { infra, logger }: SubgraphDeps,
  pubsub: LivePubSub,
  options: { groupSuffix?: string; channel?: string } = {},
) {
  const channel = options.channel ?? LiveChannels.user;
  const republish =
    (field: LiveUserEvent['field']) =>
    async (event: { payload: unknown }): Promise<void> => {
      const { userId, id, at } = event.payload as TradingEntityUpdatedPayload;
      const live: LiveUserEvent = { field, userId, id, at };
      await pubsub.engine.publish(channel, live);
    };
  return createEventConsumer({
    prisma: infra.prisma,
    bus: infra.bus,
    domain: 'trading',
    logger,
    name: TRADING_LIVE_FANOUT + (options.groupSuffix ?? ''),
    handlers: {
      [TradingLiveTopics.entityUpdated]: {
        OrderUpdated: republish('orderUpdated'),
        PositionUpdated: republish('positionUpdated'),
      },
    },
  });
}
