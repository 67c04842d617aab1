import type { EventBus } from '../../platform/events/envelope';
import { createEventConsumer, type EventEffect } from '../../platform/events/inbox';
import {
  LiveChannels,
  SignalLifecycleTopics,
  Topics,
  type LiveSignalEvent,
  type LiveUserEvent,
  type PriceAlertTriggeredPayload,
  type SignalPublishedPayload,
  type SignalUpdatedPayload,
} from '../../platform/events/topics';
import type { Logger } from '../../platform/logger';
import type { PrismaClient } from '../../platform/prisma';
import type { LivePubSub } from '../../platform/pubsub';
import { signalReleaseTimes, signalTierRules, type SignalTierRule } from '../../platform/signalTiers';
import type { Tier } from '../../platform/auth/viewer';

export const SIGNAL_FANOUT_GROUP = 'signals-fanout';

export interface SignalFanoutOptions {
  prisma: PrismaClient;
  bus: EventBus;
  logger: Logger;
  pubsub: LivePubSub;
  /** Kafka consumer group and inbox name; one group for the whole deployment. */
  groupId?: string;
  channel?: string;
  /** Where per-user events (triggered price alerts) go. */
  userChannel?: string;
  /** The tier rules history applies too: each event says when every tier may see it. */
  rules?: Record<Tier, SignalTierRule>;
}

/**
 * Kafka → Redis pub/sub, once per event: `signals.published` and `signals.updated` to the signals
 * channel (kind PUBLISHED / UPDATED), triggered price alerts to the user channel. The Redis publish runs
 * inside the inbox transaction: if it fails, the transaction rolls back and Kafka redelivers; a
 * redelivery of an event already published finds its inbox row and publishes nothing.
 */
export function createSignalFanout({
  prisma,
  bus,
  logger,
  pubsub,
  groupId = SIGNAL_FANOUT_GROUP,
  channel = LiveChannels.signals,
  userChannel = LiveChannels.user,
  rules = signalTierRules(),
}: SignalFanoutOptions) {
  const log = logger.child({ component: 'signal-fanout' });

  /** Republishes one signal event; the signal's row gives the FREE delay and daily rank. */
  const signalEvent =
    (kind: LiveSignalEvent['kind']): EventEffect =>
    async (event, tx) => {
      const { signalId, symbol } = event.payload as SignalPublishedPayload | SignalUpdatedPayload;
      const signal = await tx.signal.findUnique({ where: { id: signalId } });
      // Only possible when another deployment shares the topic (tests on one broker).
      if (!signal) return log.warn({ signalId }, 'signal not in this database; skipped');
      const live: LiveSignalEvent = {
        kind,
        signalId,
        sequence: signal.sequence.toString(),
        instrumentId: signal.instrumentId,
        symbol,
        publishedAt: signal.createdAt.toISOString(),
        dayIndex: signal.dayIndex,
        releaseAt: signalReleaseTimes(rules, { publishedAt: signal.createdAt, dayIndex: signal.dayIndex }),
      };
      await pubsub.engine.publish(channel, live);
    };

  return createEventConsumer({
    prisma,
    bus,
    domain: 'signals',
    logger,
    name: groupId,
    handlers: {
      [Topics.signalPublished]: { SignalPublished: signalEvent('PUBLISHED') },
      [SignalLifecycleTopics.signalUpdated]: { SignalUpdated: signalEvent('UPDATED') },
      [SignalLifecycleTopics.priceAlertTriggered]: {
        PriceAlertTriggered: async (event) => {
          const alert = event.payload as PriceAlertTriggeredPayload;
          const live: LiveUserEvent = {
            field: 'priceAlertTriggered',
            userId: alert.userId,
            id: alert.alertId,
            at: alert.triggeredAt,
          };
          await pubsub.engine.publish(userChannel, live);
        },
      },
    },
  });
}

export type SignalFanout = ReturnType<typeof createSignalFanout>;
