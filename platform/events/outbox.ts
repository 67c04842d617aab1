import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import type { PrismaClient, TransactionClient } from '../prisma';
import { contextFrom, currentTraceparent, SpanKind, startSpan, traceparentOf } from '../telemetry/tracing';
import type { Domain, EventBus, EventEnvelope } from './envelope';

export interface NewEvent<P> {
  topic: string;
  key: string;
  type: string;
  payload: P;
  correlationId?: string | null;
}

/**
 * Writes the event in the caller's transaction: it commits with the change it announces or not at
 * all. Returns the event id, which consumers dedupe on.
 */
export async function enqueueEvent<P>(
  tx: TransactionClient,
  domain: Domain,
  event: NewEvent<P>,
): Promise<string> {
  const id = randomUUID();
  await tx.$executeRawUnsafe(
    `INSERT INTO "${domain}"."outbox_event" (id, topic, key, type, payload, correlation_id, traceparent)
     VALUES ($1::uuid, $2, $3, $4, $5::jsonb, $6, $7)`,
    id,
    event.topic,
    event.key,
    event.type,
    JSON.stringify(event.payload),
    event.correlationId ?? null,
    // The request's trace: the relay publishes later, outside it, and carries it on to consumers.
    currentTraceparent(),
  );
  return id;
}

/** Rows committed and not yet published: the outbox backlog gauge (the (published_at, sequence) index serves it). */
export async function countUnpublished(prisma: PrismaClient, domain: Domain): Promise<number> {
  const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM "${domain}"."outbox_event" WHERE published_at IS NULL`,
  );
  return row?.n ?? 0;
}

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  type: string;
  payload: unknown;
  correlation_id: string | null;
  traceparent: string | null;
  created_at: Date;
}

export interface OutboxRelayOptions {
  prisma: PrismaClient;
  domain: Domain;
  bus: EventBus;
  logger: Logger;
  batchSize?: number;
  pollIntervalMs?: number | undefined;
}

/**
 * Publishes pending outbox rows in commit order and marks them sent. Several relays may run for one
 * domain (one per replica): a transaction-scoped advisory lock lets one of them work at a time, so
 * events keep their order. Publishing happens inside the transaction that marks the rows; if the
 * process dies after Kafka accepted a batch but before the commit, that batch is published again
 * (at-least-once) and consumers' inboxes absorb the duplicates.
 */
export function createOutboxRelay({
  prisma,
  domain,
  bus,
  logger,
  batchSize = 100,
  pollIntervalMs = 250,
}: OutboxRelayOptions) {
  const log = logger.child({ component: 'outbox-relay', domain });
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let lastError: unknown;

  /** Publishes one batch; returns how many rows it marked sent (0 when idle or another relay holds the lock). */
  async function publishBatch(): Promise<number> {
    return prisma.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
          `SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`,
          `outbox-relay:${domain}`,
        );
        if (!lock?.locked) return 0;
        const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
          `SELECT id::text, topic, key, type, payload, correlation_id, traceparent, created_at
             FROM "${domain}"."outbox_event"
            WHERE published_at IS NULL
            ORDER BY sequence
            LIMIT $1`,
          batchSize,
        );
        if (rows.length === 0) return 0;
        // A producer span per traced event, child of the request that wrote it; consumers continue it.
        const spans = rows.map((row) =>
          row.traceparent
            ? startSpan(`publish ${row.topic}`, {
                kind: SpanKind.PRODUCER,
                parent: contextFrom({ traceparent: row.traceparent }),
                attributes: { 'messaging.destination.name': row.topic, 'messaging.message.id': row.id },
              })
            : undefined,
        );
        const events: EventEnvelope[] = rows.map((row, i) => ({
          id: row.id,
          topic: row.topic,
          key: row.key,
          type: row.type,
          payload: row.payload,
          correlationId: row.correlation_id,
          occurredAt: row.created_at.toISOString(),
          traceparent: spans[i] ? traceparentOf(spans[i]) : null,
        }));
        try {
          await bus.publish(events);
        } finally {
          for (const span of spans) span?.end();
        }
        await tx.$executeRawUnsafe(
          `UPDATE "${domain}"."outbox_event" SET published_at = now() WHERE id = ANY($1::uuid[])`,
          rows.map((row) => row.id),
        );
        return rows.length;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }

  async function run(): Promise<void> {
    while (running) {
      let published = 0;
      try {
        published = await publishBatch();
        lastError = undefined;
      } catch (error) {
        lastError = error;
        log.error({ err: error }, 'outbox batch failed; will retry');
      }
      if (published > 0) log.debug({ published }, 'outbox batch published');
      // A full batch means more may be waiting: go again at once.
      if (published < batchSize && running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, lastError ? pollIntervalMs * 4 : pollIntervalMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    /** Lets the batch in flight finish (its transaction commits or rolls back), then returns. */
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = undefined;
    },
    /** Wakes the relay now instead of at the next poll, e.g. right after a commit in this process. */
    poke() {
      wake?.();
    },
    ready: () => lastError === undefined,
    publishBatch,
  };
}

export type OutboxRelay = ReturnType<typeof createOutboxRelay>;
