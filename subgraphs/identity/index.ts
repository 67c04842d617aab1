import { createAccessTokenSigner, type SigningKeySpec } from '../../platform/auth/accessToken';
import { ConfigError } from '../../platform/config';
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
    }
    const signer = await createAccessTokenSigner({
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      privateKeyPem: config.JWT_PRIVATE_KEY,
      publicKeyPem: config.JWT_PUBLIC_KEY,
      keys: extraKeys(config),
    });
    return createIdentitySubgraph({ ...deps, signer, redisUrl: config.REDIS_URL, settings: config });
  },
  identityConfigSchema,
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
