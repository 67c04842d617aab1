import type { Logger } from '../logger';
import type { PrismaClient } from '../prisma';
import type { Domain } from './envelope';

export interface EventRetentionOptions {
  prisma: PrismaClient;
  domain: Domain;
  logger: Logger;
  /**
   * How long a published outbox row is kept (audit and replay by hand). Default 7 days.
   */
  outboxRetentionMs?: number;
  /**
   * How long an inbox row (consumer, event id) is kept. It must outlive the broker's retention of the
   * topics the domain consumes, or a redelivery older than the row would be applied again: Kafka keeps
   * 7 days by default, so the default here is 14.
   */
  inboxRetentionMs?: number;
  /** Rows deleted per statement, so a large backlog never holds long locks. */
  batchSize?: number;
  intervalMs?: number;
}

const DAY_MS = 86_400_000;

/**
 * Deletes old published outbox rows and old inbox rows of one domain, in small batches. High-volume
 * consumers (every market tick goes through an inbox) would otherwise grow these tables without bound.
 * Safe on every replica: concurrent deletes of the same rows just find fewer.
 */
export function createEventRetention({
  prisma,
  domain,
  logger,
  outboxRetentionMs = 7 * DAY_MS,
  inboxRetentionMs = 14 * DAY_MS,
  batchSize = 5_000,
  intervalMs = 3_600_000,
}: EventRetentionOptions) {
  const log = logger.child({ component: 'event-retention', domain });
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<unknown> | undefined;

  async function deleteInBatches(table: string, column: string, olderThanMs: number): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await prisma.$executeRawUnsafe(
        `DELETE FROM "${domain}"."${table}" WHERE ctid = ANY (ARRAY(
           SELECT ctid FROM "${domain}"."${table}"
            WHERE ${column} < now() - make_interval(secs => $1::double precision / 1000)
            LIMIT $2))`,
        olderThanMs,
        batchSize,
      );
      total += deleted;
      if (deleted < batchSize) return total;
    }
  }

  /** One sweep: returns how many rows each table lost. */
  async function sweep(): Promise<{ outbox: number; inbox: number }> {
    const outbox = await deleteInBatches('outbox_event', 'published_at', outboxRetentionMs);
    const inbox = await deleteInBatches('inbox_event', 'processed_at', inboxRetentionMs);
    if (outbox + inbox > 0) log.info({ outbox, inbox }, 'old outbox and inbox rows deleted');
    return { outbox, inbox };
  }

  return {
    start() {
      timer ??= setInterval(() => {
        sweeping ??= sweep()
          .catch((error: unknown) => log.warn({ err: error }, 'event retention sweep failed; will retry'))
          .finally(() => (sweeping = undefined));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await sweeping;
    },
    sweep,
  };
}
