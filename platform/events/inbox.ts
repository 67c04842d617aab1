import type { Logger } from '../logger';
import type { PrismaClient, TransactionClient } from '../prisma';
import { contextFrom, inSpan, SpanKind } from '../telemetry/tracing';
import type { BusSubscription, Domain, EventBus, EventEnvelope } from './envelope';

/**
 * Applies `effect` once per (consumer, event id): the inbox row and the effect commit together, so a
 * redelivered event finds its row and does nothing. Concurrent deliveries of one event serialise on
 * the inbox primary key. Returns false for a duplicate.
 */
export async function applyOnce(
  prisma: PrismaClient,
  domain: Domain,
  consumer: string,
  eventId: string,
  effect: (tx: TransactionClient) => Promise<void>,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.$executeRawUnsafe(
      `INSERT INTO "${domain}"."inbox_event" (consumer, event_id) VALUES ($1, $2::uuid) ON CONFLICT DO NOTHING`,
      consumer,
      eventId,
    );
    if (inserted === 0) return false;
    await effect(tx);
    return true;
  });
}

export type EventEffect = (event: EventEnvelope, tx: TransactionClient) => Promise<void>;

export interface EventConsumerOptions {
  prisma: PrismaClient;
  bus: EventBus;
  domain: Domain;
  logger: Logger;
  /** Consumer group and inbox name: one per (domain, purpose). */
  name: string;
  /** Effects by topic; events of other types on those topics are recorded and skipped. */
  handlers: Record<string, Record<string, EventEffect>>;
}

/** Subscribes `handlers` to the bus with exactly-once effects through the domain's inbox. */
export function createEventConsumer({ prisma, bus, domain, logger, name, handlers }: EventConsumerOptions) {
  const log = logger.child({ component: 'event-consumer', consumer: name });
  let subscription: BusSubscription | undefined;

  async function handle(event: EventEnvelope): Promise<void> {
    const effect = handlers[event.topic]?.[event.type];
    // The consumer's span continues the trace of the request that wrote the event (through the outbox).
    const applied = await inSpan(
      `consume ${event.topic}`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextFrom(event.traceparent ? { traceparent: event.traceparent } : undefined),
        attributes: { 'messaging.consumer.group.name': name, 'messaging.message.id': event.id },
      },
      () =>
        applyOnce(prisma, domain, name, event.id, async (tx) => {
          if (effect) await effect(event, tx);
        }),
    );
    // Per event at debug: a tick consumer applies several events a second. A duplicate is worth seeing.
    const fields = { eventId: event.id, type: event.type, correlationId: event.correlationId };
    if (applied) log.debug(fields, 'event applied');
    else log.info(fields, 'duplicate event ignored');
  }

  return {
    async start() {
      subscription ??= await bus.subscribe({ groupId: name, topics: Object.keys(handlers), handler: handle });
    },
    async stop() {
      await subscription?.stop();
      subscription = undefined;
    },
    handle,
  };
}

export type EventConsumer = ReturnType<typeof createEventConsumer>;
