import { createAccessTokenSigner } from '../../platform/auth/accessToken';
import { ConfigError } from '../../platform/config';
import { identityConfigSchema, type IdentityConfig } from '../../platform/subgraphConfig';
import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { createIdentitySubgraph } from './server';

runSubgraphProcess<IdentityConfig>(
  'identity',
  async (deps, config) => {
    // Replicas must share one key pair, or tokens from one fail on the gateway after a JWKS refresh.
    if (config.NODE_ENV === 'production' && !(config.JWT_PRIVATE_KEY && config.JWT_PUBLIC_KEY)) {
      throw new ConfigError('JWT_PRIVATE_KEY and JWT_PUBLIC_KEY are required in production');
    }
    const signer = await createAccessTokenSigner({
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      privateKeyPem: config.JWT_PRIVATE_KEY,
      publicKeyPem: config.JWT_PUBLIC_KEY,
    });
    return createIdentitySubgraph({ ...deps, signer });
  },
  identityConfigSchema,
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
