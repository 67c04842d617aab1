import type { EventBus } from '../../platform/events/envelope';
import { createEventConsumer } from '../../platform/events/inbox';
import { MarketTopics, type MarketTickPayload } from '../../platform/events/topics';
import type { Logger } from '../../platform/logger';
import type { PrismaClient } from '../../platform/prisma';
import { applyTick, expireDueSignals } from './services/lifecycle';

export const SIGNAL_LIFECYCLE_GROUP = 'signals-lifecycle';

export interface LifecycleOptions {
  prisma: PrismaClient;
  bus: EventBus;
  logger: Logger;
  groupId?: string;
}

/**
 * Kafka `market.ticks` → signal closes and alert triggers. The inbox makes a redelivered tick a no-op,
 * and the conditional updates make a second tick at the same price one too.
 */
export function createTickLifecycleConsumer({
  prisma,
  bus,
  logger,
  groupId = SIGNAL_LIFECYCLE_GROUP,
}: LifecycleOptions) {
  return createEventConsumer({
    prisma,
    bus,
    domain: 'signals',
    logger,
    name: groupId,
    handlers: {
      [MarketTopics.ticks]: {
        MarketTick: async (event, tx) => {
          const outcome = await applyTick(tx, event.payload as MarketTickPayload, event.correlationId);
          // Its outbox rows commit with this transaction; the relay picks them up at its next poll.
          if (outcome.closed.length + outcome.triggered.length > 0)
            logger.info({ ...outcome, eventId: event.id }, 'tick closed signals or triggered alerts');
        },
      },
    },
  });
}

export interface ExpirySweepOptions {
  prisma: PrismaClient;
  logger: Logger;
  intervalMs?: number;
  now?: () => Date;
  onClosed?: () => void;
}

/** Expires due signals every `intervalMs`; safe to run on every replica. */
export function createExpirySweep({
  prisma,
  logger,
  intervalMs = 30_000,
  now = () => new Date(),
  onClosed,
}: ExpirySweepOptions) {
  const log = logger.child({ component: 'signal-expiry-sweep' });
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();

  async function sweep(): Promise<string[]> {
    const expired = await expireDueSignals(prisma, now());
    if (expired.length > 0) {
      log.info({ expired: expired.length }, 'signals expired');
      onClosed?.();
    }
    return expired;
  }

  return {
    sweep,
    start() {
      timer ??= setInterval(() => {
        inFlight = sweep().catch((error: unknown) => log.warn({ err: error }, 'expiry sweep failed'));
      }, intervalMs);
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await inFlight;
    },
  };
}

export type ExpirySweep = ReturnType<typeof createExpirySweep>;
