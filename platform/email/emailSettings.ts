import { z } from 'zod';
import { ConfigError, composeRules, secret, type ProductionRule } from '../config';
import { httpsUnlessLoopback, problemIf } from '../productionRules';
import { DEFAULT_EMAIL_FROM } from './emailSender';

/**
 * Transactional email through Postmark: the real API in production (a server token is then required);
 * without a token, outside production, identity logs the emails and `npm start` starts our
 * Postmark-compatible server (emulators/postmark).
 */
export const emailSettingsShape = {
  POSTMARK_SERVER_TOKEN: secret(
    z
      .string()
      .min(1)
      .optional()
      .describe('Postmark server token. Required in production; unset elsewhere: emails are logged.'),
  ),
  POSTMARK_API_URL: z
    .url({ protocol: /^https?$/ })
    .default('https://api.postmarkapp.com')
    .describe("Postmark's API base URL; https in production unless the host is a loopback address."),
  EMAIL_FROM: z
    .string()
    .min(3)
    .default(DEFAULT_EMAIL_FROM)
    .describe(
      'Sender of transactional email: a sender signature (or domain) verified in the Postmark account.',
    ),
};

export const emailSettingsSchema = z.object(emailSettingsShape);
export type EmailSettings = z.infer<typeof emailSettingsSchema>;

/** Postmark's documented test token: accepted by the API, delivers nothing. */
export const POSTMARK_TEST_TOKEN = 'POSTMARK_API_TEST';

/** Production must reach real mailboxes: password-reset links go out by email. */
export const requiresPostmarkToken: ProductionRule<EmailSettings> = (config) =>
  problemIf(
    !config.POSTMARK_SERVER_TOKEN,
    'POSTMARK_SERVER_TOKEN',
    'a Postmark server token is required in production',
  );

export const refusesPostmarkTestToken: ProductionRule<EmailSettings> = (config) =>
  problemIf(
    config.POSTMARK_SERVER_TOKEN === POSTMARK_TEST_TOKEN,
    'POSTMARK_SERVER_TOKEN',
    "Postmark's test token delivers nothing; use a real server token in production",
  );

export const postmarkHttpsUnlessLoopback: ProductionRule<EmailSettings> = (config) =>
  httpsUnlessLoopback('POSTMARK_API_URL', config.POSTMARK_API_URL);

export const emailProductionProblems = composeRules<EmailSettings>(
  requiresPostmarkToken,
  refusesPostmarkTestToken,
  postmarkHttpsUnlessLoopback,
);

/** For callers that build a sender outside a process config (`npm start`): the same rules, thrown. */
export function assertEmailSettings(settings: EmailSettings & { NODE_ENV: string }): void {
  if (settings.NODE_ENV !== 'production') return;
  const problems = emailProductionProblems(settings);
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
}
