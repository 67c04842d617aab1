import type { EmailSender } from './emailSender';
import { assertEmailSettings, type EmailSettings } from './emailSettings';
import { createPostmarkEmailSender } from './postmarkSender';

/**
 * The sender the settings name: Postmark with POSTMARK_SERVER_TOKEN, or undefined without one (the
 * caller then logs, or starts our stand-in, emulators/postmark/embedded.ts). In production the email
 * rules of emailSettings.ts apply (a real token; https unless the API is on this machine).
 */
export function configuredEmailSender(
  settings: EmailSettings & { NODE_ENV: string },
): EmailSender | undefined {
  assertEmailSettings(settings);
  const token = settings.POSTMARK_SERVER_TOKEN;
  return token ? createPostmarkEmailSender({ ...settings, POSTMARK_SERVER_TOKEN: token }) : undefined;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https:// anywhere, or http:// to a loopback host (nothing crosses a network in the clear). */
export function secureOrLoopback(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopbackHosts.has(parsed.hostname));
}
