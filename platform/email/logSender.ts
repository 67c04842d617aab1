import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import type { EmailSender } from './emailSender';

/**
 * Outside production, a process started on its own without POSTMARK_SERVER_TOKEN writes each email to
 * its log instead of sending it (`npm start` runs the Postmark emulator instead). Production refuses to
 * start without a token (configured.ts), so this never carries a real user's reset link to a log there.
 */
export function createLogEmailSender(logger: Logger): EmailSender {
  return {
    async send(message) {
      const messageId = randomUUID();
      logger.warn({ email: { ...message, messageId } }, 'email not sent (no POSTMARK_SERVER_TOKEN): logged');
      return { messageId };
    },
  };
}
