import { randomBytes } from 'node:crypto';
import { DEFAULT_EMAIL_FROM, type EmailSender } from '../../platform/email/emailSender';
import { createPostmarkServer } from './server';
import { createPostmarkEmailSender, type PostmarkSettings } from '../../platform/email/postmarkSender';

/**
 * Our Postmark-compatible server on a free 127.0.0.1 port with a fresh token, and a sender that uses
 * it through the real postmark client: `npm start` with nothing configured and end-to-end tests.
 */
export async function startEmbeddedPostmark(from = DEFAULT_EMAIL_FROM) {
  const token = randomBytes(18).toString('hex');
  const server = createPostmarkServer({ serverToken: token });
  const url = await server.start(0, '127.0.0.1');
  const settings: PostmarkSettings = {
    POSTMARK_SERVER_TOKEN: token,
    POSTMARK_API_URL: url,
    EMAIL_FROM: from,
  };
  const sender: EmailSender = createPostmarkEmailSender(settings);
  return {
    server,
    settings,
    sender,
    /** Where the accepted messages can be read (JSON); add `?to=<address>` to narrow. */
    messagesUrl: `${url}/test/messages`,
    stop: () => server.stop(),
  };
}

export type EmbeddedPostmark = Awaited<ReturnType<typeof startEmbeddedPostmark>>;
