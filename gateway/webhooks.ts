import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from '../platform/graphqlHttp';
import type { Logger } from '../platform/logger';

const WEBHOOK_PATH = '/webhooks/razorpay';
const MAX_WEBHOOK_BYTES = 1_000_000;
/** Razorpay's signature and event id, and what describes the body; nothing a client could use to pose as the gateway. */
const FORWARDED_HEADERS = [
  'content-type',
  'x-razorpay-signature',
  'x-razorpay-event-id',
  'user-agent',
  'x-correlation-id',
];

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

/**
 * POST /webhooks/razorpay on the gateway's host and port, passed to billing's own route byte for byte:
 * the HMAC billing checks covers the raw body, so nothing here parses or re-serialises it. Billing
 * authenticates it by that HMAC, not by a gateway signature.
 */
export function createRazorpayWebhookForwarder(billingGraphqlUrl: string, logger: Logger): RequestHandler {
  const target = new URL(WEBHOOK_PATH, billingGraphqlUrl);
  return async (req, res) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== WEBHOOK_PATH) return false;
    if (req.method !== 'POST') {
      res
        .writeHead(405, { 'content-type': 'application/json', allow: 'POST' })
        .end('{"error":"method not allowed"}');
      return true;
    }
    const body = await rawBody(req);
    if (!body) {
      res.writeHead(413, { 'content-type': 'application/json' }).end('{"error":"payload too large"}');
      return true;
    }
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    try {
      const upstream = await fetch(target, {
        method: 'POST',
        headers,
        body: new Uint8Array(body),
        signal: AbortSignal.timeout(4_000),
      });
      const answer = Buffer.from(await upstream.arrayBuffer());
      res
        .writeHead(upstream.status, {
          'content-type': upstream.headers.get('content-type') ?? 'application/json',
        })
        .end(answer);
    } catch (error) {
      // 502 makes Razorpay retry the delivery later, which is what we want while billing is down.
      logger.warn({ err: error }, 'razorpay webhook could not reach billing');
      res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":"billing unavailable"}');
    }
    return true;
  };
}
