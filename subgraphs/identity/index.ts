import { createAccessTokenSigner, type SigningKeySpec } from '../../platform/auth/accessToken';
import { ConfigError } from '../../platform/config';
import { configuredEmailSender } from '../../platform/email/configured';
import { createLogEmailSender } from '../../platform/email/logSender';
import { identityConfigSchema, type IdentityConfig } from '../../platform/subgraphConfig';
import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { createIdentitySubgraph } from './server';

/** The next key (published now, signing from its date) and the previous one (verifying only). */
function extraKeys(config: IdentityConfig): SigningKeySpec[] {
  const keys: SigningKeySpec[] = [];
  if (config.JWT_NEXT_PRIVATE_KEY && config.JWT_NEXT_PUBLIC_KEY && config.JWT_NEXT_SIGNS_FROM) {
    keys.push({
      privateKeyPem: config.JWT_NEXT_PRIVATE_KEY,
      publicKeyPem: config.JWT_NEXT_PUBLIC_KEY,
      signsFrom: Date.parse(config.JWT_NEXT_SIGNS_FROM),
    });
  }
  if (config.JWT_PREVIOUS_PUBLIC_KEY) keys.push({ publicKeyPem: config.JWT_PREVIOUS_PUBLIC_KEY });
  return keys;
}

/** OWASP Password Storage Cheat Sheet, scrypt: the least p for each N (r = 8), all of equal strength. */
const OWASP_SCRYPT_MINIMUM_P: ReadonlyMap<number, number> = new Map([
  [2 ** 13, 10],
  [2 ** 14, 5],
  [2 ** 15, 3],
  [2 ** 16, 2],
  [2 ** 17, 1],
]);

function assertOwaspScrypt(config: IdentityConfig): void {
  const { PASSWORD_SCRYPT_N: n, PASSWORD_SCRYPT_R: r, PASSWORD_SCRYPT_P: p } = config;
  const minimumP = n >= 2 ** 17 ? 1 : OWASP_SCRYPT_MINIMUM_P.get(n);
  if (r < 8 || minimumP === undefined || p < minimumP) {
    throw new ConfigError(
      'scrypt settings below the OWASP minimum in production: use r >= 8 and one of N=2^17 p>=1, ' +
        'N=2^16 p>=2, N=2^15 p>=3, N=2^14 p>=5, N=2^13 p>=10',
    );
  }
}

runSubgraphProcess<IdentityConfig>(
  'identity',
  async (deps, config) => {
    if (config.NODE_ENV === 'production') {
      // Replicas must share one key pair, or tokens from one fail on the gateway after a JWKS refresh.
      if (!(config.JWT_PRIVATE_KEY && config.JWT_PUBLIC_KEY)) {
        throw new ConfigError('JWT_PRIVATE_KEY and JWT_PUBLIC_KEY are required in production');
      }
      if (!config.IDENTITY_DATA_KEY) throw new ConfigError('IDENTITY_DATA_KEY is required in production');
      // Lockout counters and the session denylist must be shared by every replica and the gateway.
      if (!config.REDIS_URL) throw new ConfigError('REDIS_URL is required in production');
      assertOwaspScrypt(config);
    }
    // Reset emails: Postmark as configured (production checks it); without a token, outside production,
    // the log (run the Postmark emulator, emulators/postmark, and point POSTMARK_API_URL at it to see mail).
    const email = configuredEmailSender(config) ?? createLogEmailSender(deps.logger);
    const signer = await createAccessTokenSigner({
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      privateKeyPem: config.JWT_PRIVATE_KEY,
      publicKeyPem: config.JWT_PUBLIC_KEY,
      keys: extraKeys(config),
    });
    return createIdentitySubgraph({
      ...deps,
      signer,
      redisUrl: config.REDIS_URL,
      settings: config,
      email,
    });
  },
  identityConfigSchema,
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
