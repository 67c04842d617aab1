import { randomBytes } from 'node:crypto';
import type { BillingOptions } from '../../subgraphs/billing/server';
import { createRazorpayServer } from './index';

/**
 * Our Razorpay-compatible server on a free 127.0.0.1 port with fresh keys, for `npm start` with nothing
 * configured and for end-to-end tests. Webhooks go to the gateway once its URL is known.
 */
export async function startEmbeddedRazorpay() {
  const keys = {
    keyId: `rzp_test_${randomBytes(7).toString('hex')}`,
    keySecret: randomBytes(24).toString('hex'),
    webhookSecret: randomBytes(24).toString('hex'),
  };
  const server = createRazorpayServer(keys);
  const baseUrl = await server.start(0, '127.0.0.1');
  const billing: BillingOptions = { razorpay: { baseUrl, ...keys } };
  return {
    server,
    billing,
    /** Webhooks reach billing the way Razorpay's would: through the gateway's public route. */
    sendWebhooksTo(gatewayGraphqlUrl: string) {
      server.webhooks.setUrl(new URL('/webhooks/razorpay', gatewayGraphqlUrl).toString());
    },
    stop: () => server.stop(),
  };
}
