import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OrderEntity } from '../../subgraphs/billing/services/razorpayEntities';
import type { CheckoutResult } from './index';

/**
 * Razorpay's Hosted Checkout (`/v1/checkout/embedded`, https://razorpay.com/docs/payments/payment-gateway/
 * web-integration/hosted/) in test mode: a page showing the order, where the customer picks a test
 * payment method and pays or fails. Razorpay's documented test UPI ids work as in test mode
 * (success@razorpay, failure@razorpay); `pending@razorpay` is ours: the bank confirms a few seconds
 * later and only the `payment.authorized` webhook tells the merchant, as a UPI collect request does.
 * With `callback_url` the result is POSTed there (auto-submitted form), as Razorpay does; without one
 * the page shows the three values the app passes to `verifyPayment`.
 */
export const TEST_PAYMENT_METHODS = {
  'success@razorpay': 'pays at once (the browser gets the signed response)',
  'failure@razorpay': 'the payment fails (payment.failed webhook)',
  'pending@razorpay': 'pending: no response in the browser; authorised about 2 s later by webhook',
  '4111 1111 1111 1111': 'a card that pays at once (any future expiry, any CVV)',
  '4000 0000 0000 0002': 'a card that is declined',
} as const;

/** After a pending payment, how long the "bank" takes to confirm. */
const PENDING_CONFIRMATION_MS = 2_000;

export interface CheckoutPageDeps {
  keyId: string;
  fetchOrder: (orderId: string) => OrderEntity;
  pay: (orderId: string, outcome: { fail?: boolean; method: string }) => CheckoutResult;
  /** Authorises later, with webhooks only (nothing reaches the browser). */
  payLater: (orderId: string, method: string, afterMs: number) => void;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem}
.test{background:#fff3cd;padding:.5rem;border-radius:.3rem}code{word-break:break-all}
button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.5rem}</style></head><body>
<p class="test">Test mode: Razorpay emulator, no money moves.</p>${body}</body></html>`;
}

const rupees = (paise: number) => (paise / 100).toLocaleString('en-IN', { minimumFractionDigits: 2 });

async function formOf(req: IncomingMessage, query: URLSearchParams): Promise<URLSearchParams> {
  if (req.method !== 'POST') return query;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  for (const [key, value] of query) if (!form.has(key)) form.set(key, value);
  return form;
}

function checkoutForm(order: OrderEntity, form: URLSearchParams, keyId: string): string {
  const hidden = ['key_id', 'order_id', 'callback_url']
    .map((name) => [name, name === 'key_id' ? keyId : (form.get(name) ?? '')] as const)
    .filter(([, value]) => value)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
  const methods = Object.entries(TEST_PAYMENT_METHODS)
    .map(([id, what]) => `<li><code>${escapeHtml(id)}</code>: ${escapeHtml(what)}</li>`)
    .join('');
  return page(
    'Pay TradeSchool',
    `<h1>TradeSchool</h1><p>Order <code>${escapeHtml(order.id)}</code>${order.receipt ? ` (${escapeHtml(order.receipt)})` : ''}</p>
<p><strong>₹${rupees(order.amount_due)}</strong> ${escapeHtml(order.currency)}</p>
<form method="post">${hidden}<label>UPI id or card number
<input name="method" value="success@razorpay" size="28"></label>
<p><button name="action" value="pay">Pay</button><button name="action" value="fail">Fail</button></p></form>
<p>Test payment methods:</p><ul>${methods}</ul>`,
  );
}

function resultPage(result: CheckoutResult, callbackUrl: string | null): string {
  const fields =
    'error' in result
      ? {
          'error[code]': result.error.code ?? '',
          'error[description]': result.error.description ?? '',
          'error[metadata]': JSON.stringify(result.error.metadata),
        }
      : result;
  if (callbackUrl) {
    const inputs = Object.entries(fields)
      .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
      .join('');
    return page(
      'Redirecting',
      `<form id="cb" method="post" action="${escapeHtml(callbackUrl)}">${inputs}</form>
<script>document.getElementById('cb').submit()</script>`,
    );
  }
  if ('error' in result) {
    return page(
      'Payment failed',
      `<h1>Payment failed</h1><p>${escapeHtml(result.error.description ?? '')}</p>
<p>payment <code id="razorpay_payment_id">${escapeHtml(result.error.metadata.payment_id)}</code></p>`,
    );
  }
  const verify = `mutation { verifyPayment(input: { razorpayOrderId: "${result.razorpay_order_id}", razorpayPaymentId: "${result.razorpay_payment_id}", razorpaySignature: "${result.razorpay_signature}" }) { status } }`;
  return page(
    'Payment successful',
    `<h1>Payment successful</h1><dl>${Object.entries(result)
      .map(([name, value]) => `<dt>${name}</dt><dd><code id="${name}">${escapeHtml(value)}</code></dd>`)
      .join(
        '',
      )}</dl><p>Your app passes these to <code>verifyPayment</code>:</p><pre id="verify">${escapeHtml(verify)}</pre>`,
  );
}

/** GET or POST /v1/checkout/embedded; answers false for any other path. */
export function createCheckoutPage(deps: CheckoutPageDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/v1/checkout/embedded') return false;
    const form = await formOf(req, url.searchParams);
    const send = (status: number, html: string) =>
      void res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    if (form.get('key_id') !== deps.keyId)
      return (send(401, page('Invalid key', '<h1>Invalid key_id</h1>')), true);
    const orderId = form.get('order_id') ?? '';
    let order: OrderEntity;
    try {
      order = deps.fetchOrder(orderId);
    } catch {
      return (send(404, page('No such order', '<h1>No such order</h1>')), true);
    }
    const action = form.get('action');
    if (req.method !== 'POST' || !action) return (send(200, checkoutForm(order, form, deps.keyId)), true);
    if (order.status === 'paid')
      return (send(409, page('Already paid', '<h1>This order is already paid</h1>')), true);
    const method = (form.get('method') ?? '').trim();
    const isUpi = method.includes('@');
    if (action === 'pay' && method === 'pending@razorpay') {
      deps.payLater(order.id, 'upi', PENDING_CONFIRMATION_MS);
      return (
        send(
          202,
          page(
            'Payment pending',
            '<h1 id="pending">Payment pending</h1><p>Approve it in your UPI app; the merchant is told by webhook.</p>',
          ),
        ),
        true
      );
    }
    const declined =
      action === 'fail' || method === 'failure@razorpay' || method.replace(/\s/g, '') === '4000000000000002';
    const result = deps.pay(order.id, { fail: declined, method: isUpi ? 'upi' : 'card' });
    send(200, resultPage(result, form.get('callback_url')));
    return true;
  };
}
