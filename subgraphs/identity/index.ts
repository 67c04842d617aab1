import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  createAccessTokenSigner,
  type SigningKeySpec,
} from '../../platform/auth/accessToken';
import { configuredEmailSender } from '../../platform/email/configured';
import { createLogEmailSender } from '../../platform/email/logSender';
import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { identityConfig, type IdentityConfig } from './config';
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

// Production's rules (key pair, data key, Redis, OWASP scrypt, Postmark) ran in loading the config.
runSubgraphProcess('identity', identityConfig, async (deps, config) => {
  // Reset emails: Postmark as configured; without a token, outside production, the log (run the
  // Postmark emulator, emulators/postmark, and point POSTMARK_API_URL at it to see mail).
  const email = configuredEmailSender(config) ?? createLogEmailSender(deps.logger);
  const signer = await createAccessTokenSigner({
    issuer: ACCESS_TOKEN_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
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
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
