import { randomBytes } from 'node:crypto';
import type { BillingOptions } from '../../subgraphs/billing/server';
import { createRazorpayServer } from './index';

/** Where `npm start` runs the emulator, so the README's checkout link works as written. */
export const RAZORPAY_EMULATOR_PORT = 4010;
/** A key id is public (Razorpay's Checkout puts it in the page); a fixed one keeps the link stable. */
export const RAZORPAY_EMULATOR_KEY_ID = 'rzp_test_TradeSchoolDev';

/**
 * Our Razorpay-compatible server on 127.0.0.1 (a free port unless one is given) with fresh secrets, for
 * `npm start` with nothing configured and for end-to-end tests. Webhooks go to the gateway once its
 * URL is known.
 */
export async function startEmbeddedRazorpay(port = 0) {
  const keys = {
    keyId: RAZORPAY_EMULATOR_KEY_ID,
    keySecret: randomBytes(24).toString('hex'),
    webhookSecret: randomBytes(24).toString('hex'),
  };
  const server = createRazorpayServer(keys);
  const baseUrl = await server.start(port, '127.0.0.1');
  const billing: BillingOptions = { razorpay: { baseUrl, ...keys } };
  return {
    server,
    billing,
    baseUrl,
    /** The hosted checkout page of an order (a `razorpayOrderId` from createOrder). */
    checkoutUrl: (orderId: string) =>
      `${baseUrl}/v1/checkout/embedded?key_id=${keys.keyId}&order_id=${encodeURIComponent(orderId)}`,
    /** Webhooks reach billing the way Razorpay's would: through the gateway's public route. */
    sendWebhooksTo(gatewayGraphqlUrl: string) {
      server.webhooks.setUrl(new URL('/webhooks/razorpay', gatewayGraphqlUrl).toString());
    },
    stop: () => server.stop(),
  };
}
