import { z } from 'zod';
import { baseConfigSchema, portSchema } from './config';
import { DEFAULT_EMAIL_FROM } from './email/emailSender';

export const subgraphConfigSchema = baseConfigSchema.extend({
  PORT: portSchema,
  HOST: z.string().default('0.0.0.0'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(250),
});

export const identityConfigSchema = subgraphConfigSchema.extend({
  JWT_ISSUER: z.string().default('tradeschool-identity'),
  JWT_AUDIENCE: z.string().default('tradeschool-api'),
  /** PKCS#8 and SPKI PEM of an ES256 key pair; required in production (see platform/auth/accessToken.ts). */
  JWT_PRIVATE_KEY: z.string().optional(),
  JWT_PUBLIC_KEY: z.string().optional(),
  /** The next key pair and when it starts signing (ISO time): published at once, signs from then. */
  JWT_NEXT_PRIVATE_KEY: z.string().optional(),
  JWT_NEXT_PUBLIC_KEY: z.string().optional(),
  JWT_NEXT_SIGNS_FROM: z.iso.datetime({ offset: true }).optional(),
  /** Public key of the previous pair: verifies until the tokens it signed have expired. */
  JWT_PREVIOUS_PUBLIC_KEY: z.string().optional(),
  ...identitySettingsShape(),
  ...emailSettingsShape(),
});

/**
 * Transactional email through Postmark: the real API in production (a server token is then required,
 * platform/email/configured.ts); without a token, outside production, our Postmark-compatible server
 * (emulators/postmark/server.ts) is started in-process, as for `npm start`.
 */
function emailSettingsShape() {
  return {
    POSTMARK_SERVER_TOKEN: z.string().min(1).optional(),
    /** http(s)://host[:port] of Postmark's API. */
    POSTMARK_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.postmarkapp.com'),
    /** A sender signature (or a domain) verified in the Postmark account. */
    EMAIL_FROM: z.string().min(3).default(DEFAULT_EMAIL_FROM),
  };
}

export const emailSettingsSchema = z.object(emailSettingsShape());
export type EmailSettings = z.infer<typeof emailSettingsSchema>;

/** Identity's tunables; defaults are what `npm start` and the tests use unless they say otherwise. */
function identitySettingsShape() {
  return {
    /**
     * scrypt cost: N * r * 128 bytes of memory per hash. The default, N=2^14 r=8 p=5 (16 MiB), is one of
     * the OWASP Password Storage Cheat Sheet's equivalent minimum settings for scrypt (2^17/8/1,
     * 2^16/8/2, 2^15/8/3, 2^14/8/5, 2^13/8/10): the same attacker cost as 2^17/8/1 at 1/8 of the memory
     * and, measured here, 128 ms instead of 292 ms per hash. Production refuses anything below that
     * table (subgraphs/identity/index.ts). Stored hashes carry their parameters and are upgraded at the
     * next login after a change.
     */
    PASSWORD_SCRYPT_N: z.coerce
      .number()
      .int()
      .min(1024)
      .default(2 ** 14),
    PASSWORD_SCRYPT_R: z.coerce.number().int().min(1).default(8),
    PASSWORD_SCRYPT_P: z.coerce.number().int().min(1).default(5),
    /** scrypt derivations at once per process (memory: this many times N * r * 128 bytes). */
    PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).default(2),
    /** Concurrent refreshes of one token inside this window get the same successor (two tabs). */
    REFRESH_GRACE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
    /**
     * Refreshes per refresh token and per client IP in the window. Counted by identity after reuse
     * detection, so presenting a rotated token always revokes its family, limit or not.
     */
    REFRESH_LIMIT_PER_TOKEN: z.coerce.number().int().min(1).default(10),
    REFRESH_LIMIT_PER_IP: z.coerce.number().int().min(1).default(50),
    REFRESH_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(300),
    /** Failures per account (password or TOTP) in the window before the first lockout. */
    LOCKOUT_ACCOUNT_THRESHOLD: z.coerce.number().int().min(1).default(5),
    /** Failures per client IP in the window before the IP is locked out. */
    LOCKOUT_IP_THRESHOLD: z.coerce.number().int().min(1).default(50),
    LOCKOUT_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(15 * 60),
    /** First lockout; each further one within a day doubles it, up to the maximum. */
    LOCKOUT_BASE_SECONDS: z.coerce.number().int().min(1).default(60),
    LOCKOUT_MAX_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(24 * 3600),
    /** 32+ chars; seals TOTP secrets at rest. Required in production; derived per install otherwise. */
    IDENTITY_DATA_KEY: z.string().min(32).optional(),
    /** A VERIFIED KYC lapses to EXPIRED this many days after the decision (re-KYC). */
    KYC_VALIDITY_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    /**
     * Cache-Control max-age of the JWKS: how long verifiers may cache the keys. A new signing key is
     * published twice as long before it signs; keep the gateway's JWKS cache TTL at most this.
     */
    JWKS_MAX_AGE_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
    /** How often the KYC expiry job looks for lapsed applications. */
    KYC_EXPIRY_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(3600),
    /** A password reset link works this long, once. */
    PASSWORD_RESET_TTL_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    /** Reset emails per account per hour; further requests still answer true but send nothing. */
    PASSWORD_RESET_EMAILS_PER_HOUR: z.coerce.number().int().min(1).default(3),
    /** The web app: reset emails link to `${APP_URL}/reset-password?token=...`. */
    APP_URL: z.url().default('http://localhost:3000'),
  };
}

export const identitySettingsSchema = z.object(identitySettingsShape());
export type IdentitySettings = z.infer<typeof identitySettingsSchema>;

export type SubgraphConfig = z.infer<typeof subgraphConfigSchema>;
export type IdentityConfig = z.infer<typeof identityConfigSchema>;

/** Razorpay: the real API in production; our compatible server (emulators/razorpay) elsewhere. */
export const billingConfigSchema = subgraphConfigSchema.extend({
  RAZORPAY_BASE_URL: z.url().default('https://api.razorpay.com'),
  RAZORPAY_KEY_ID: z.string().min(1),
  RAZORPAY_KEY_SECRET: z.string().min(1),
  RAZORPAY_WEBHOOK_SECRET: z.string().min(1),
  /** Refunds above this many paise need an ADMIN; smaller ones the payer may ask for. */
  REFUND_SELF_SERVICE_LIMIT_MINOR: z.coerce.bigint().default(2_500_000n),
  /** The seller's GST state code: a buyer in the same state pays CGST+SGST, anyone else IGST. */
  GST_HOME_STATE: z.string().default('MH'),
});

export type BillingConfig = z.infer<typeof billingConfigSchema>;
