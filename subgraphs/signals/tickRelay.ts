import type { BusSubscription, EventBus } from '../../platform/events/envelope';
import {
  LiveChannels,
  MarketTopics,
  type LiveTickEvent,
  type MarketTickPayload,
} from '../../platform/events/topics';
import type { Logger } from '../../platform/logger';
import type { LivePubSub } from '../../platform/pubsub';

export const TICK_RELAY_GROUP = 'signals-tick-relay';

export interface TickRelayOptions {
  bus: EventBus;
  logger: Logger;
  pubsub: LivePubSub;
  groupId?: string;
  channel?: string;
}

/**
 * Kafka `market.ticks` → Redis, for `marketTicks` subscribers. No inbox: a tick changes no state of ours
 * and the next one supersedes it, so a repeat after a crash costs a client one redundant price.
 */
export function createTickRelay({
  bus,
  logger,
  pubsub,
  groupId = TICK_RELAY_GROUP,
  channel = LiveChannels.ticks,
}: TickRelayOptions) {
  const log = logger.child({ component: 'tick-relay' });
  let subscription: BusSubscription | undefined;
  return {
    async start() {
      subscription ??= await bus.subscribe({
        groupId,
        topics: [MarketTopics.ticks],
        handler: async (event) => {
          if (event.type !== 'MarketTick') return;
          const tick = event.payload as MarketTickPayload;
          // Tick time in ms: increasing per instrument, so a client can drop a stale tick.
          const live: LiveTickEvent = { ...tick, sequence: String(Date.parse(tick.at)) };
          await pubsub.engine.publish(channel, live).catch((error: unknown) => {
            log.warn({ err: error, symbol: tick.symbol }, 'tick not republished');
          });
        },
      });
    },
    async stop() {
      await subscription?.stop();
      subscription = undefined;
    },
  };
}

export type TickRelay = ReturnType<typeof createTickRelay>;
