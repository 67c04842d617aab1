import { hmacSha256Hex } from '../../subgraphs/billing/services/signatures';
import { razorpayId, unixNow } from './entities';
import type { GatewayEvent } from './store';

export interface SentWebhook {
  eventId: string;
  event: string;
  body: string;
  status: number | 'unreachable';
}

/**
 * Sends webhooks as Razorpay does: a JSON body signed with HMAC-SHA256 (hex) in x-razorpay-signature,
 * an x-razorpay-event-id, retried when the receiver does not answer 2xx.
 */
export function createWebhookSender(options: { secret: string; accountId: string; retries?: number }) {
  let url: string | undefined;
  const sent: SentWebhook[] = [];
  const inFlight = new Set<Promise<void>>();

  async function post(eventId: string, body: string, signature?: string): Promise<number | 'unreachable'> {
    if (!url) return 'unreachable';
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-razorpay-event-id': eventId,
          'x-razorpay-signature': signature ?? hmacSha256Hex(options.secret, body),
        },
        body,
        signal: AbortSignal.timeout(5_000),
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 'unreachable';
    }
  }

  async function deliver(eventId: string, event: string, body: string): Promise<void> {
    const attempts = (options.retries ?? 3) + 1;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const status = await post(eventId, body);
      sent.push({ eventId, event, body, status });
      if (typeof status === 'number' && status < 300) return;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }

  function track(work: Promise<void>): void {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  }

  return {
    sent,
    setUrl(target: string | undefined) {
      url = target;
    },
    /** Serialises one gateway event and sends it in the background, as Razorpay's queue would. */
    emit({ event, payload }: GatewayEvent): void {
      if (!url) return;
      const eventId = razorpayId('evt');
      const body = JSON.stringify({
        entity: 'event',
        account_id: options.accountId,
        event,
        contains: Object.keys(payload),
        payload,
        created_at: unixNow(),
      });
      track(deliver(eventId, event, body));
    },
    /** Sends exactly these bytes again (tests: duplicates, reordering, tampering). */
    post,
    async idle(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;
