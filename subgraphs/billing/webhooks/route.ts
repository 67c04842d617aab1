import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from '../../../platform/graphqlHttp';
import type { Logger } from '../../../platform/logger';
import type { PrismaClient } from '../../../platform/prisma';
import { signatureMatches } from '../services/signatures';

export const RAZORPAY_WEBHOOK_PATH = '/webhooks/razorpay';
const MAX_WEBHOOK_BYTES = 1_000_000;

async function rawBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_WEBHOOK_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function reply(res: ServerResponse, status: number, body: object): true {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  return true;
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * POST /webhooks/razorpay. Authenticated by Razorpay's HMAC over the raw bytes (not by the gateway's
 * signature): a bad signature is a 400 with no effect. A good delivery is stored once per event id and
 * answered at once; the work happens in the webhook processor, well inside Razorpay's 5 s timeout.
 */
export function createRazorpayWebhookRoute(options: {
  prisma: PrismaClient;
  logger: Logger;
  webhookSecret: string;
  onStored: () => void;
}): RequestHandler {
  const log = options.logger.child({ component: 'razorpay-webhook' });
  return async (req, res) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== RAZORPAY_WEBHOOK_PATH) return false;
    if (req.method !== 'POST') return reply(res, 405, { error: 'method not allowed' });
    const body = await rawBody(req);
    if (!body) return reply(res, 413, { error: 'payload too large' });
    if (!signatureMatches(options.webhookSecret, body, header(req, 'x-razorpay-signature'))) {
      log.warn({ bytes: body.length }, 'webhook with a bad signature refused');
      return reply(res, 400, { error: 'invalid signature' });
    }
    const eventId = header(req, 'x-razorpay-event-id');
    let parsed: { event?: unknown };
    try {
      parsed = JSON.parse(body.toString('utf8')) as { event?: unknown };
    } catch {
      return reply(res, 400, { error: 'body is not JSON' });
    }
    if (!eventId || typeof parsed.event !== 'string')
      return reply(res, 400, { error: 'not a Razorpay event' });
    const stored = await options.prisma.$executeRawUnsafe(
      `INSERT INTO billing.webhook_event (event_id, event, payload) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (event_id) DO NOTHING`,
      eventId,
      parsed.event,
      body.toString('utf8'),
    );
    log.info({ eventId, event: parsed.event, duplicate: stored === 0 }, 'webhook received');
    if (stored > 0) options.onStored();
    return reply(res, 200, { status: 'ok' });
  };
}
