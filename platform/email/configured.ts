import { ConfigError } from '../config';
import type { EmailSettings } from '../subgraphConfig';
import type { EmailSender } from './emailSender';
import { createPostmarkEmailSender } from './postmarkSender';

/**
 * The sender the settings name: Postmark with POSTMARK_SERVER_TOKEN, or undefined without one (the
 * caller then starts our stand-in, emulators/postmark/embedded.ts). Production must reach real mailboxes:
 * it refuses a missing token, Postmark's test token (which delivers nothing) and plain HTTP.
 */
export function configuredEmailSender(
  settings: EmailSettings & { NODE_ENV: string },
): EmailSender | undefined {
  const token = settings.POSTMARK_SERVER_TOKEN;
  if (settings.NODE_ENV === 'production') {
    if (!token || token === 'POSTMARK_API_TEST') {
      throw new ConfigError('POSTMARK_SERVER_TOKEN (a real server token) is required in production');
    }
    if (!settings.POSTMARK_API_URL.startsWith('https://')) {
      throw new ConfigError('POSTMARK_API_URL must be an https:// URL in production');
    }
  }
  return token ? createPostmarkEmailSender({ ...settings, POSTMARK_SERVER_TOKEN: token }) : undefined;
}
