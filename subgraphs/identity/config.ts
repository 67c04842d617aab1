import { z } from 'zod';
import { composeRules, secret, type ProcessConfig, type ProductionRule } from '../../platform/config';
import { emailProductionProblems, emailSettingsShape } from '../../platform/email/emailSettings';
import { httpsUnlessLoopback, problemIf } from '../../platform/productionRules';
import { subgraphConfigSchema, subgraphProductionRules } from '../../platform/subgraphConfig';

const int = () => z.coerce.number().int();

/** Identity's tunables; defaults are what `npm start` and the tests use unless they say otherwise. */
export const identitySettingsShape = {
  /**
   * scrypt cost: N * r * 128 bytes of memory per hash. The default, N=2^14 r=8 p=5 (16 MiB), is one of
   * the OWASP Password Storage Cheat Sheet's equivalent minimum settings for scrypt (2^17/8/1,
   * 2^16/8/2, 2^15/8/3, 2^14/8/5, 2^13/8/10): the same attacker cost as 2^17/8/1 at 1/8 of the memory
   * and, measured here, 128 ms instead of 292 ms per hash. Production refuses anything below that
   * table (owaspScrypt). Stored hashes carry their parameters and are upgraded at the next login.
   */
  PASSWORD_SCRYPT_N: int()
    .min(1024)
    .default(2 ** 14)
    .describe('scrypt N (memory/CPU cost); production requires an OWASP minimum with R and P.'),
  PASSWORD_SCRYPT_R: int().min(1).default(8).describe('scrypt r (block size).'),
  PASSWORD_SCRYPT_P: int().min(1).default(5).describe('scrypt p (parallelism).'),
  PASSWORD_HASH_CONCURRENCY: int()
    .min(1)
    .default(2)
    .describe('scrypt derivations at once per process (memory: this many times N * r * 128 bytes).'),
  REFRESH_GRACE_SECONDS: int()
    .min(0)
    .max(60)
    .default(10)
    .describe('Concurrent refreshes of one token inside this window get the same successor (two tabs).'),
  /** Counted after reuse detection, so presenting a rotated token always revokes its family. */
  REFRESH_LIMIT_PER_TOKEN: int().min(1).default(10).describe('Refreshes per refresh token in the window.'),
  REFRESH_LIMIT_PER_IP: int().min(1).default(50).describe('Refreshes per client IP in the window.'),
  REFRESH_LIMIT_WINDOW_SECONDS: int().min(1).default(300).describe('Window of the refresh limits.'),
  LOCKOUT_ACCOUNT_THRESHOLD: int()
    .min(1)
    .default(5)
    .describe('Failures per account (password or TOTP) in the window before the first lockout.'),
  LOCKOUT_IP_THRESHOLD: int()
    .min(1)
    .default(50)
    .describe('Failures per client IP in the window before a lockout.'),
  LOCKOUT_WINDOW_SECONDS: int()
    .min(1)
    .default(15 * 60)
    .describe('Window in which failures are counted.'),
  LOCKOUT_BASE_SECONDS: int()
    .min(1)
    .default(60)
    .describe('First lockout; each further one within a day doubles it, up to LOCKOUT_MAX_SECONDS.'),
  LOCKOUT_MAX_SECONDS: int()
    .min(1)
    .default(24 * 3600)
    .describe('Longest lockout.'),
  IDENTITY_DATA_KEY: secret(
    z
      .string()
      .min(32)
      .optional()
      .describe('32+ chars; seals TOTP secrets and PANs at rest. Required in production.'),
  ),
  KYC_VALIDITY_DAYS: int()
    .min(1)
    .max(3650)
    .default(365)
    .describe('A VERIFIED KYC lapses to EXPIRED this many days after the decision.'),
  /** A new signing key is published twice this long before it signs. */
  JWKS_MAX_AGE_SECONDS: int()
    .min(10)
    .max(86_400)
    .default(300)
    .describe('Cache-Control max-age of the JWKS; keep the gateway JWKS_CACHE_MAX_AGE_MS at most this.'),
  KYC_EXPIRY_INTERVAL_SECONDS: int()
    .min(1)
    .default(3600)
    .describe('How often the KYC expiry job looks for lapsed applications.'),
  PASSWORD_RESET_TTL_MINUTES: int()
    .min(1)
    .max(24 * 60)
    .default(30)
    .describe('A password reset link works this long, once.'),
  PASSWORD_RESET_EMAILS_PER_HOUR: int()
    .min(1)
    .default(3)
    .describe('Reset emails per account per hour; further requests answer true but send nothing.'),
  APP_URL: z
    .url()
    .default('http://localhost:3000')
    .describe('The web app: reset emails link to ${APP_URL}/reset-password?token=...; https in production.'),
};

export const identitySettingsSchema = z.object(identitySettingsShape);
export type IdentitySettings = z.infer<typeof identitySettingsSchema>;

const pem = (what: string) => z.string().optional().describe(what);

export const identityConfigSchema = subgraphConfigSchema.extend({
  JWT_PRIVATE_KEY: secret(pem('PKCS#8 PEM of the ES256 signing key. Required in production.')),
  JWT_PUBLIC_KEY: pem('SPKI PEM of the signing key. Required in production.'),
  JWT_NEXT_PRIVATE_KEY: secret(
    pem('Key rotation: the next private key, published at once, signs from JWT_NEXT_SIGNS_FROM.'),
  ),
  JWT_NEXT_PUBLIC_KEY: pem('Key rotation: the next public key.'),
  JWT_NEXT_SIGNS_FROM: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Key rotation: ISO time from which the next key signs.'),
  JWT_PREVIOUS_PUBLIC_KEY: pem('Key rotation: the previous public key, verifying until its tokens expire.'),
  ...identitySettingsShape,
  ...emailSettingsShape,
});

export type IdentityConfig = z.infer<typeof identityConfigSchema>;

/** Replicas must share one key pair, or tokens from one fail on the gateway after a JWKS refresh. */
export const requiresJwtKeyPair: ProductionRule<IdentityConfig> = (config) => [
  ...problemIf(
    !config.JWT_PRIVATE_KEY,
    'JWT_PRIVATE_KEY',
    'required in production (one key pair for every replica)',
  ),
  ...problemIf(
    !config.JWT_PUBLIC_KEY,
    'JWT_PUBLIC_KEY',
    'required in production (one key pair for every replica)',
  ),
];

/** A next key counts only with all three parts; a partial rotation is a mistake, not a choice. */
export const completeNextJwtKey: ProductionRule<IdentityConfig> = (config) => {
  const parts = {
    JWT_NEXT_PRIVATE_KEY: config.JWT_NEXT_PRIVATE_KEY,
    JWT_NEXT_PUBLIC_KEY: config.JWT_NEXT_PUBLIC_KEY,
    JWT_NEXT_SIGNS_FROM: config.JWT_NEXT_SIGNS_FROM,
  };
  const set = Object.values(parts).filter(Boolean).length;
  if (set === 0 || set === 3) return [];
  return Object.entries(parts).flatMap(([name, value]) =>
    problemIf(
      !value,
      name,
      'a key rotation needs JWT_NEXT_PRIVATE_KEY, JWT_NEXT_PUBLIC_KEY and JWT_NEXT_SIGNS_FROM',
    ),
  );
};

/** Outside production a key is derived per install (.cache); in production sealed data must survive. */
export const requiresDataKey: ProductionRule<IdentityConfig> = (config) =>
  problemIf(
    !config.IDENTITY_DATA_KEY,
    'IDENTITY_DATA_KEY',
    'required in production (seals TOTP secrets and PANs)',
  );

/** OWASP Password Storage Cheat Sheet, scrypt: the least p for each N (r = 8), all of equal strength. */
const OWASP_SCRYPT_MINIMUM_P: ReadonlyMap<number, number> = new Map([
  [2 ** 13, 10],
  [2 ** 14, 5],
  [2 ** 15, 3],
  [2 ** 16, 2],
  [2 ** 17, 1],
]);

export const owaspScrypt: ProductionRule<IdentityConfig> = (config) => {
  const { PASSWORD_SCRYPT_N: n, PASSWORD_SCRYPT_R: r, PASSWORD_SCRYPT_P: p } = config;
  const minimumP = n >= 2 ** 17 ? 1 : OWASP_SCRYPT_MINIMUM_P.get(n);
  return problemIf(
    r < 8 || minimumP === undefined || p < minimumP,
    'PASSWORD_SCRYPT_N',
    'scrypt settings (PASSWORD_SCRYPT_N/R/P) below the OWASP minimum in production: use r >= 8 and one of ' +
      'N=2^17 p>=1, N=2^16 p>=2, N=2^15 p>=3, N=2^14 p>=5, N=2^13 p>=10',
  );
};

/** Reset links carry a token: a user must not be sent to plain http on the network. */
export const appUrlHttpsUnlessLoopback: ProductionRule<IdentityConfig> = (config) =>
  httpsUnlessLoopback('APP_URL', config.APP_URL);

export const identityProductionProblems = composeRules<IdentityConfig>(
  ...subgraphProductionRules,
  requiresJwtKeyPair,
  completeNextJwtKey,
  requiresDataKey,
  owaspScrypt,
  emailProductionProblems,
  appUrlHttpsUnlessLoopback,
);

export const identityConfig: ProcessConfig<typeof identityConfigSchema> = {
  schema: identityConfigSchema,
  productionProblems: identityProductionProblems,
};
