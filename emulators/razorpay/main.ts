import { randomBytes } from 'node:crypto';
import { createRazorpayServer } from './index';

/**
 * Our Razorpay-compatible server as a process of its own (`npx tsx emulators/razorpay/main.ts`), for
 * the production-shape tests: billing runs as it would against api.razorpay.com, with
 * RAZORPAY_BASE_URL pointing here. Prints ONE JSON line on stdout with the URL and the keys to give
 * billing, then serves until SIGTERM/SIGINT.
 *
 * PORT (default 0: a free one), HOST (127.0.0.1); RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET and
 * RAZORPAY_WEBHOOK_SECRET (default: generated); RAZORPAY_WEBHOOK_URL: where signed webhooks go, as
 * the Razorpay dashboard's webhook setting does (the gateway's `/webhooks/razorpay`; none if unset).
 */
async function main(): Promise<void> {
  const keys = {
    keyId: process.env.RAZORPAY_KEY_ID || `rzp_test_${randomBytes(7).toString('hex')}`,
    keySecret: process.env.RAZORPAY_KEY_SECRET || randomBytes(24).toString('hex'),
    webhookSecret: process.env.RAZORPAY_WEBHOOK_SECRET || randomBytes(24).toString('hex'),
  };
  const webhookUrl = process.env.RAZORPAY_WEBHOOK_URL || undefined;
  const server = createRazorpayServer({ ...keys, webhookUrl });
  const url = await server.start(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
  process.stdout.write(`${JSON.stringify({ url, ...keys, webhookUrl: webhookUrl ?? null })}\n`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
