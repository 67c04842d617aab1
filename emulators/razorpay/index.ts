import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkoutSignature } from '../../subgraphs/billing/services/signatures';
import { RazorpayApiError } from './apiError';
import { createCheckoutPage } from './checkoutPage';
import { createSettlementStore } from './settlements';
import { createRazorpayStore } from './store';
import { createSubscriptionStore } from './subscriptionStore';
import { createWebhookSender } from './webhookSender';

export interface RazorpayServerOptions {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  /** Where webhooks go; settable later because the receiver's port is often known only after start. */
  webhookUrl?: string;
}

/** What Checkout hands the browser: the signed success response, or the failure. */
export type CheckoutResult =
  | { razorpay_payment_id: string; razorpay_order_id: string; razorpay_signature: string }
  | {
      error: {
        code: string | null;
        description: string | null;
        metadata: { payment_id: string; order_id: string };
      };
    };

type Route = (match: string[], body: Record<string, unknown>, query: URLSearchParams) => unknown;

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new RazorpayApiError(400, 'The request body is not valid JSON');
  }
}

const collection = <T>(items: T[]) => ({ entity: 'collection', count: items.length, items });

/**
 * A Razorpay-compatible API on 127.0.0.1 for tests and the embedded default: the public API's paths,
 * Basic auth with the key pair, entity and error bodies, and signed webhooks back to us. Test-only
 * additions live under /v1/test/: POST orders/:id/pay plays the customer paying through Checkout,
 * subscriptions/:id/authenticate the subscription's authorisation and subscriptions/:id/charge the end
 * of a cycle (its renewal charge, `{ "fail": true }` a declined one), so tests never wait for time.
 */
export function createRazorpayServer(options: RazorpayServerOptions) {
  const webhooks = createWebhookSender({ secret: options.webhookSecret, accountId: 'acc_TradeSchool0001' });
  webhooks.setUrl(options.webhookUrl);
  const store = createRazorpayStore((event) => webhooks.emit(event));
  const subscriptions = createSubscriptionStore(store, (event) => webhooks.emit(event));
  const settlements = createSettlementStore(store);
  const expectedAuth = `Basic ${Buffer.from(`${options.keyId}:${options.keySecret}`).toString('base64')}`;

  function checkout(orderId: string, body: Record<string, unknown>): CheckoutResult {
    const method = typeof body.method === 'string' ? body.method : undefined;
    const payment = store.pay(orderId, { fail: body.fail === true, ...(method ? { method } : {}) });
    if (payment.status === 'failed')
      return {
        error: {
          code: payment.error_code,
          description: payment.error_description,
          metadata: { payment_id: payment.id, order_id: orderId },
        },
      };
    return {
      razorpay_payment_id: payment.id,
      razorpay_order_id: orderId,
      razorpay_signature: checkoutSignature(options.keySecret, orderId, payment.id),
    };
  }

  const pendingPayments = new Set<NodeJS.Timeout>();
  const checkoutPage = createCheckoutPage({
    keyId: options.keyId,
    fetchOrder: (orderId) => store.fetchOrder(orderId),
    pay: (orderId, outcome) => checkout(orderId, outcome),
    payLater: (orderId, method, afterMs) => {
      const timer = setTimeout(() => {
        pendingPayments.delete(timer);
        store.pay(orderId, { method });
      }, afterMs);
      pendingPayments.add(timer);
    },
  });

  const routes: [string, RegExp, Route][] = [
    ['POST', /^\/v1\/orders$/, (_m, body) => store.publicOrder(store.createOrder(body))],
    ['GET', /^\/v1\/orders\/([\w]+)$/, ([id]) => store.fetchOrder(id!)],
    [
      'GET',
      /^\/v1\/orders\/([\w]+)\/payments$/,
      ([id]) =>
        collection([...store.payments.values()].filter((p) => p.order_id === store.fetchOrder(id!).id)),
    ],
    [
      'GET',
      /^\/v1\/payments$/,
      (_m, _b, query) => {
        const from = Number(query.get('from') ?? 0);
        const to = Number(query.get('to') ?? Number.MAX_SAFE_INTEGER);
        const count = Math.min(Number(query.get('count') ?? 10), 100);
        const skip = Number(query.get('skip') ?? 0);
        const all = [...store.payments.values()].filter((p) => p.created_at >= from && p.created_at <= to);
        return collection(all.sort((a, b) => b.created_at - a.created_at).slice(skip, skip + count));
      },
    ],
    ['GET', /^\/v1\/payments\/([\w]+)$/, ([id]) => store.fetchPayment(id!)],
    ['POST', /^\/v1\/payments\/([\w]+)\/capture$/, ([id], body) => store.capture(id!, body)],
    ['POST', /^\/v1\/payments\/([\w]+)\/refund$/, ([id], body) => store.refund(id!, body)],
    [
      'GET',
      /^\/v1\/payments\/([\w]+)\/refunds$/,
      ([id]) =>
        collection([...store.refunds.values()].filter((r) => r.payment_id === store.fetchPayment(id!).id)),
    ],
    ['GET', /^\/v1\/refunds\/([\w]+)$/, ([id]) => store.fetchRefund(id!)],
    ['POST', /^\/v1\/test\/orders\/([\w]+)\/pay$/, ([id], body) => checkout(id!, body)],
    ['POST', /^\/v1\/plans$/, (_m, body) => subscriptions.createPlan(body)],
    ['GET', /^\/v1\/plans\/([\w]+)$/, ([id]) => subscriptions.fetchPlan(id!)],
    ['POST', /^\/v1\/subscriptions$/, (_m, body) => subscriptions.create(body)],
    ['GET', /^\/v1\/subscriptions$/, () => collection([...subscriptions.subscriptions.values()])],
    ['GET', /^\/v1\/subscriptions\/([\w]+)$/, ([id]) => subscriptions.fetch(id!)],
    ['PATCH', /^\/v1\/subscriptions\/([\w]+)$/, ([id], body) => subscriptions.update(id!, body)],
    ['POST', /^\/v1\/subscriptions\/([\w]+)\/cancel$/, ([id], body) => subscriptions.cancel(id!, body)],
    ['POST', /^\/v1\/subscriptions\/([\w]+)\/pause$/, ([id], body) => subscriptions.pause(id!, body)],
    ['POST', /^\/v1\/subscriptions\/([\w]+)\/resume$/, ([id], body) => subscriptions.resume(id!, body)],
    [
      'POST',
      /^\/v1\/subscriptions\/([\w]+)\/cancel_scheduled_changes$/,
      ([id]) => subscriptions.cancelScheduledChanges(id!),
    ],
    ['GET', /^\/v1\/settlements\/?$/, (_m, _b, query) => collection(settlements.list(query))],
    ['GET', /^\/v1\/settlements\/recon\/combined$/, (_m, _b, query) => collection(settlements.recon(query))],
    ['GET', /^\/v1\/settlements\/(setl_[\w]+)$/, ([id]) => settlements.fetch(id!)],
    // Test clock: Razorpay's settlement run; the customer authorises in Checkout; a cycle is charged.
    ['POST', /^\/v1\/test\/settlements$/, () => settlements.settle()],
    [
      'POST',
      /^\/v1\/test\/subscriptions\/([\w]+)\/authenticate$/,
      ([id], body) => subscriptions.authenticate(id!, { fail: body.fail === true }),
    ],
    [
      'POST',
      /^\/v1\/test\/subscriptions\/([\w]+)\/charge$/,
      ([id], body) => subscriptions.chargeCycle(id!, { fail: body.fail === true }),
    ],
  ];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The hosted checkout page is the customer's, in a browser: no API key pair, the key_id in the form.
    if (await checkoutPage(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.headers.authorization !== expectedAuth) {
      throw new RazorpayApiError(401, 'The api key provided is invalid');
    }
    const body = req.method === 'POST' || req.method === 'PATCH' ? await readJson(req) : {};
    for (const [method, pattern, route] of routes) {
      const match = pattern.exec(url.pathname);
      if (match && method === req.method) {
        const result = route(match.slice(1), body, url.searchParams);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
        return;
      }
    }
    throw new RazorpayApiError(404, 'The requested URL was not found on the server.');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const apiError =
        error instanceof RazorpayApiError
          ? error
          : new RazorpayApiError(
              500,
              'We are facing some trouble completing your request at the moment. Please try again shortly.',
            );
      res
        .writeHead(apiError.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(apiError.body()));
    });
  });

  return {
    store,
    subscriptions,
    settlements,
    webhooks,
    keyId: options.keyId,
    webhookSecret: options.webhookSecret,
    /** Plays Checkout for tests: the response the browser hands our client after paying. */
    checkout: (orderId: string, outcome: { fail?: boolean } = {}) => checkout(orderId, outcome),
    async start(port = 0, host = '127.0.0.1'): Promise<string> {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      return `http://${host}:${(server.address() as AddressInfo).port}`;
    },
    async stop(): Promise<void> {
      for (const timer of pendingPayments) clearTimeout(timer);
      await webhooks.idle();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

export type RazorpayServer = ReturnType<typeof createRazorpayServer>;
