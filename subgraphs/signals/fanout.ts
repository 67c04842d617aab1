import type { EventBus } from '../../platform/events/envelope';
import { createEventConsumer } from '../../platform/events/inbox';
import {
  LiveChannels,
  Topics,
  type LiveSignalEvent,
  type SignalPublishedPayload,
} from '../../platform/events/topics';
import type { Logger } from '../../platform/logger';
import type { PrismaClient } from '../../platform/prisma';
import type { LivePubSub } from '../../platform/pubsub';

export const SIGNAL_FANOUT_GROUP = 'signals-fanout';

export interface SignalFanoutOptions {
  prisma: PrismaClient;
  bus: EventBus;
  logger: Logger;
  pubsub: LivePubSub;
  /** Kafka consumer group and inbox name; one group for the whole deployment. */
  groupId?: string;
  channel?: string;
}

/**
 * Kafka `signals.published` → Redis pub/sub, once per event. The Redis publish runs inside the inbox
 * transaction: if it fails, the transaction rolls back and Kafka redelivers; a redelivery of an event
 * already published finds its inbox row and publishes nothing.
 */
export function createSignalFanout({
  prisma,
  bus,
  logger,
  pubsub,
  groupId = SIGNAL_FANOUT_GROUP,
  channel = LiveChannels.signals,
}: SignalFanoutOptions) {
  const log = logger.child({ component: 'signal-fanout' });
  return createEventConsumer({
    prisma,
    bus,
    domain: 'signals',
    logger,
    name: groupId,
    handlers: {
      [Topics.signalPublished]: {
        SignalPublished: async (event, tx) => {
          const { signalId } = event.payload as SignalPublishedPayload;
          const signal = await tx.signal.findUnique({ where: { id: signalId } });
          // Only possible when another deployment shares the topic (tests on one broker).
          if (!signal) return log.warn({ signalId }, 'published signal not in this database; skipped');
          const live: LiveSignalEvent = {
            signalId,
            sequence: signal.sequence.toString(),
            instrumentId: signal.instrumentId,
            symbol: (event.payload as SignalPublishedPayload).symbol,
            publishedAt: signal.createdAt.toISOString(),
            dayIndex: signal.dayIndex,
          };
          await pubsub.engine.publish(channel, live);
        },
      },
    },
  });
}

export type SignalFanout = ReturnType<typeof createSignalFanout>;
