import type { BillingRuntime } from '../services/runtime';
import { applyRazorpayEvent, type RazorpayEvent } from './applyEvent';

interface ClaimedEvent {
  event_id: string;
  payload: RazorpayEvent;
}

const LEASE_SECONDS = 60;
const MAX_ATTEMPTS = 10;

/**
 * Applies stored webhooks in the background. Rows are leased (locked_until) rather than held in a
 * transaction, so several replicas share the work, and an event whose worker died is retried.
 * Several different events about one payment may run at once: the payment row lock orders them.
 */
export function createWebhookProcessor(
  runtime: BillingRuntime,
  options: { pollMs?: number; concurrency?: number } = {},
) {
  const log = runtime.logger.child({ component: 'razorpay-webhook-processor' });
  const pollMs = options.pollMs ?? 1_000;
  let running = false;
  let loops: Promise<void>[] = [];
  let wake: (() => void)[] = [];

  async function claim(): Promise<ClaimedEvent | undefined> {
    const [row] = await runtime.prisma.$queryRawUnsafe<ClaimedEvent[]>(
      `UPDATE billing.webhook_event SET locked_until = now() + make_interval(secs => $1), attempts = attempts + 1
        WHERE event_id = (
          SELECT event_id FROM billing.webhook_event
           WHERE processed_at IS NULL AND attempts < $2 AND (locked_until IS NULL OR locked_until < now())
           ORDER BY received_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING event_id, payload`,
      LEASE_SECONDS,
      MAX_ATTEMPTS,
    );
    return row;
  }

  async function processOne(): Promise<boolean> {
    const row = await claim();
    if (!row) return false;
    try {
      await applyRazorpayEvent(runtime, row.payload, row.event_id);
      await runtime.prisma.webhookEvent.update({
        where: { eventId: row.event_id },
        data: { processedAt: new Date(), lockedUntil: null, lastError: null },
      });
    } catch (error) {
      log.error({ err: error, eventId: row.event_id }, 'webhook event failed; will retry');
      // Back off by leaving the lease to expire a little later than a fresh poll would pick it up.
      await runtime.prisma.webhookEvent.update({
        where: { eventId: row.event_id },
        data: { lastError: String(error), lockedUntil: new Date(Date.now() + 2_000) },
      });
    }
    return true;
  }

  async function loop(): Promise<void> {
    while (running) {
      let worked = false;
      try {
        worked = await processOne();
      } catch (error) {
        log.error({ err: error }, 'webhook processor poll failed');
      }
      if (!worked && running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loops = Array.from({ length: options.concurrency ?? 2 }, () => loop());
    },
    /** Called when a webhook was stored: work now rather than at the next poll. */
    poke() {
      const waiting = wake;
      wake = [];
      for (const resume of waiting) resume();
    },
    async stop() {
      running = false;
      this.poke();
      await Promise.all(loops);
      loops = [];
    },
    processOne,
  };
}

export type WebhookProcessor = ReturnType<typeof createWebhookProcessor>;
