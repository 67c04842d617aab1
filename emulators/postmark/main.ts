import { randomBytes } from 'node:crypto';
import { createPostmarkServer } from './server';

/**
 * Our Postmark-compatible server as a process of its own (`npx tsx emulators/postmark/main.ts`), for
 * the production-shape tests: identity sends through the real postmark client with POSTMARK_API_URL
 * pointing here. Prints ONE JSON line on stdout (the URL, the server token to give identity, and where
 * accepted messages can be read), then serves until SIGTERM/SIGINT.
 *
 * PORT (default 0: a free one), HOST (127.0.0.1), POSTMARK_SERVER_TOKEN (default: generated).
 */
async function main(): Promise<void> {
  const serverToken = process.env.POSTMARK_SERVER_TOKEN || randomBytes(18).toString('hex');
  const server = createPostmarkServer({ serverToken });
  const url = await server.start(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
  process.stdout.write(`${JSON.stringify({ url, serverToken, messagesUrl: `${url}/test/messages` })}\n`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
