import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'graphql';
import type { AccessTokenSigner } from '../../platform/auth/accessToken';
import type { EmailSender } from '../../platform/email/emailSender';
import { createKeyValueStore, type KeyValueStore } from '../../platform/keyValueStore';
import { identitySettingsSchema, type IdentitySettings } from './config';
import { assembleSubgraph, type SubgraphDeps } from '../../platform/subgraphModule';
import { repoRoot } from '../../platform/topology';
import { chargeBatchedAttempts } from './attemptCharging';
import { createTierConsumer } from './events';
import { identityPermissions } from './permissions';
import { createIdentityResolvers } from './resolvers';
import type { IdentityServiceDeps } from './services/deps';
import { createHashingQueue } from './services/hashingQueue';
import { createKycExpiryJob } from './services/kycExpiryJob';
import { createLockout } from './services/lockout';
import { sealPlaintextPans } from './services/panSealing';
import { keyFrom } from './services/sealing';
import { createPasswordService } from './services/password';
import { createRefreshLimit } from './services/refreshLimit';
import { createPasswordResetService } from './services/passwordReset';
import { createSessionService } from './services/sessions';
import { createTwoFactorService } from './services/twoFactor';
import { createUserService } from './services/users';
import { createSubgraphServer } from '../../platform/subgraph';
import { createIdentityLoaders } from './loaders';

export const identityTypeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export const JWKS_PATH = '/.well-known/jwks.json';

export interface IdentityDeps extends SubgraphDeps {
  signer: AccessTokenSigner;
  /** Unset: the process-wide in-memory store (single-process `npm start`). */
  redisUrl?: string | undefined;
  /** Overrides of the config defaults (identityConfigSchema). */
  settings?: Partial<IdentitySettings>;
  /** Prefix of the lockout counters: tests isolate theirs, since they all come from 127.0.0.1. */
  lockoutNamespace?: string;
  /** Postmark (or our stand-in for it): password reset emails. */
  email: EmailSender;
}

/** Development only: a key kept in .cache so TOTP secrets survive restarts of `npm start`. */
function developmentDataKey(): string {
  const file = path.join(repoRoot, '.cache', 'identity-data-key');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export function createIdentitySubgraph(deps: IdentityDeps) {
  const settings = identitySettingsSchema.parse(deps.settings ?? {});
  const store: KeyValueStore = createKeyValueStore(deps.redisUrl);
  const dataSecret = settings.IDENTITY_DATA_KEY ?? developmentDataKey();
  const serviceDeps: IdentityServiceDeps = {
    signer: deps.signer,
    store,
    settings,
    lockout: createLockout(store, settings, deps.lockoutNamespace ?? 'identity:'),
    refreshLimit: createRefreshLimit(store, settings, deps.lockoutNamespace ?? 'identity:'),
    dataKey: keyFrom(dataSecret, 'totp-secret'),
    panKey: keyFrom(dataSecret, 'kyc-pan'),
    passwordParams: {
      N: settings.PASSWORD_SCRYPT_N,
      r: settings.PASSWORD_SCRYPT_R,
      p: settings.PASSWORD_SCRYPT_P,
      keyLength: 32,
    },
    hashing: createHashingQueue(settings.PASSWORD_HASH_CONCURRENCY),
    email: deps.email,
    logger: deps.logger.child({ component: 'identity' }),
  };
  const sessions = createSessionService(serviceDeps);
  const twoFactor = createTwoFactorService(serviceDeps);
  const passwords = createPasswordService(serviceDeps);
  const passwordResets = createPasswordResetService(serviceDeps, passwords);
  const users = createUserService(serviceDeps, sessions, twoFactor, passwords);
  const kycExpiry = createKycExpiryJob({
    prisma: deps.infra.prisma,
    logger: deps.logger,
    intervalMs: settings.KYC_EXPIRY_INTERVAL_SECONDS * 1000,
  });

  // The gateway fetches the public keys here; they are public, so no gateway signature is needed.
  const jwksRoute = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url !== JWKS_PATH) return false;
    res
      .writeHead(200, {
        'content-type': 'application/jwk-set+json',
        'cache-control': `max-age=${settings.JWKS_MAX_AGE_SECONDS}`,
      })
      .end(JSON.stringify(deps.signer.jwks));
    return true;
  };
  const server = createSubgraphServer({
    name: 'identity',
    typeDefs: identityTypeDefs,
    resolvers: createIdentityResolvers({
      deps: serviceDeps,
      users,
      sessions,
      twoFactor,
      passwords,
      passwordResets,
      // Verifiers cache the key set up to max-age: a new key is published for longer before it signs.
      keyPublishLeadMs: 2 * settings.JWKS_MAX_AGE_SECONDS * 1000,
    }),
    prisma: deps.infra.prisma,
    logger: deps.logger,
    gatewaySecret: deps.gatewaySecret,
    gatewayReplay: deps.gatewayReplay,
    readiness: deps.infra.readiness,
    metrics: deps.infra.metrics,
    routes: [jwksRoute],
    createLoaders: (prisma) => createIdentityLoaders(prisma),
    permissions: identityPermissions,
    plugins: (schema) => [
      chargeBatchedAttempts(schema, serviceDeps.lockout, async (challenge) => {
        const userId = await twoFactor.challengeUser(challenge);
        const user = userId ? await deps.infra.prisma.user.findUnique({ where: { id: userId } }) : null;
        return user?.emailNormalized ?? null;
      }),
    ],
  });
  const subgraph = assembleSubgraph('identity', deps, server, [createTierConsumer(deps, store)]);
  return {
    ...subgraph,
    store,
    kycExpiry,
    async start(port: number, host?: string): Promise<string> {
      // Before serving: PANs stored in plaintext by an older version are sealed (a no-op afterwards).
      const sealed = await sealPlaintextPans(deps.infra.prisma, serviceDeps.panKey);
      if (sealed > 0) serviceDeps.logger.info({ sealed }, 'sealed plaintext KYC PANs');
      const url = await subgraph.start(port, host);
      kycExpiry.start();
      return url;
    },
    async stop(): Promise<void> {
      await kycExpiry.stop();
      await subgraph.stop();
      await store.close();
    },
  };
}
