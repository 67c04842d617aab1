import { ConfigError } from '../config';
import type { EmailSettings } from '../subgraphConfig';
import type { EmailSender } from './emailSender';
import { createPostmarkEmailSender } from './postmarkSender';

/**
 * The sender the settings name: Postmark with POSTMARK_SERVER_TOKEN, or undefined without one (the
 * caller then starts our stand-in, emulators/postmark/embedded.ts). Production must reach real mailboxes:
 * it refuses a missing token, Postmark's test token (which delivers nothing) and plain HTTP to any
 * host but this machine's loopback (a local relay or, in the production-shape tests, our emulator).
 */
export function configuredEmailSender(
  settings: EmailSettings & { NODE_ENV: string },
): EmailSender | undefined {
  const token = settings.POSTMARK_SERVER_TOKEN;
  if (settings.NODE_ENV === 'production') {
    if (!token || token === 'POSTMARK_API_TEST') {
      throw new ConfigError('POSTMARK_SERVER_TOKEN (a real server token) is required in production');
    }
    if (!secureOrLoopback(settings.POSTMARK_API_URL)) {
      throw new ConfigError(
        'POSTMARK_API_URL must be an https:// URL in production (http:// only to a loopback host)',
      );
    }
  }
  return token ? createPostmarkEmailSender({ ...settings, POSTMARK_SERVER_TOKEN: token }) : undefined;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https:// anywhere, or http:// to a loopback host (nothing crosses a network in the clear). */
export function secureOrLoopback(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopbackHosts.has(parsed.hostname));
}
