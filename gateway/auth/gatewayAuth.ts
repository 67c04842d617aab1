import type { IncomingMessage } from 'node:http';
import { createRemoteJWKSet } from 'jose';
import { verifyAccessToken } from '../../platform/auth/accessToken';
import { currentTierOf } from '../../platform/auth/currentTier';
import { isSessionDenied } from '../../platform/auth/sessionDenylist';
import type { ClientInfo, Viewer } from '../../platform/auth/viewer';
import { HttpRefusal } from '../../platform/graphqlHttp';
import { createKeyValueStore, type KeyValueStore } from '../../platform/keyValueStore';
import type { Logger } from '../../platform/logger';
import { clientInfoOf, type TrustedProxies } from './clientInfo';

export interface GatewayAuthOptions {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** Unset: the process-wide in-memory denylist (single-process `npm start`). */
  redisUrl?: string | undefined;
  logger: Logger;
  /** At most 60 s (clamped in verifyAccessToken). */
  clockToleranceSeconds?: number;
  /** How long fetched keys are trusted before a refetch; identity publishes new keys twice as long before use. */
  jwksCacheMaxAgeMs?: number;
  /** After a fetch, an unknown `kid` refetches only once this has passed: junk kids cannot flood identity. */
  jwksCooldownMs?: number;
  /** Proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES); unset: none, the peer is the client. */
  trustedProxies?: TrustedProxies;
  store?: KeyValueStore;
}

/** How long a verified token's signature check is remembered (never past its expiry). */
const VERIFIED_TOKEN_MEMORY_MS = 60_000;
const MAX_REMEMBERED_TOKENS = 10_000;

export interface Authenticated {
  viewer: Viewer | null;
  client: ClientInfo;
}

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new HttpRefusal(401, 'UNAUTHENTICATED', 'Authorization must be "Bearer <access token>"');
  return match[1];
}

/** Who is calling: the access token verified against identity's JWKS and the session denylist. */
export function createGatewayAuth(options: GatewayAuthOptions) {
  const { logger } = options;
  // jose caches the key set, refetches on an unknown kid, and rate-limits refetches with the cooldown.
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl), {
    cacheMaxAge: options.jwksCacheMaxAgeMs ?? 5 * 60_000,
    cooldownDuration: options.jwksCooldownMs ?? 30_000,
    timeoutDuration: 3_000,
  });
  const store = options.store ?? createKeyValueStore(options.redisUrl);
  const settings = {
    issuer: options.issuer,
    audience: options.audience,
    clockToleranceSeconds: options.clockToleranceSeconds ?? 30,
  };

  // The ES256 check is the costliest step of a request; a client sends the same token for minutes.
  // Only the signature and claims are remembered: the session denylist is still asked every time.
  const verified = new Map<string, { viewer: Viewer; until: number }>();

  async function verifiedViewer(token: string): Promise<Viewer> {
    const now = Date.now();
    const remembered = verified.get(token);
    if (remembered && remembered.until > now) return remembered.viewer;
    const { viewer, expiresAt } = await verifyAccessToken(token, jwks, settings);
    if (verified.size >= MAX_REMEMBERED_TOKENS) verified.delete(verified.keys().next().value!);
    verified.set(token, { viewer, until: Math.min(now + VERIFIED_TOKEN_MEMORY_MS, expiresAt * 1000) });
    return viewer;
  }

  async function viewerOf(token: string, correlationId: string): Promise<Viewer> {
    let viewer: Viewer;
    try {
      viewer = await verifiedViewer(token);
    } catch (error) {
      logger.info({ correlationId, reason: (error as Error).message }, 'access token rejected');
      throw new HttpRefusal(401, 'UNAUTHENTICATED', 'Invalid or expired access token');
    }
    const [denied, currentTier] = await Promise.all([
      isSessionDenied(store, viewer.sessionId),
      currentTierOf(store, viewer.userId),
    ]);
    if (denied) {
      logger.info({ correlationId, sessionId: viewer.sessionId }, 'access token of a revoked session');
      throw new HttpRefusal(401, 'UNAUTHENTICATED', 'Invalid or expired access token');
    }
    // A tier billing changed after this token was issued applies now (platform/auth/currentTier.ts).
    return currentTier && currentTier !== viewer.tier ? { ...viewer, tier: currentTier } : viewer;
  }

  return {
    store,
    async authenticate(req: IncomingMessage, correlationId: string): Promise<Authenticated> {
      const token = bearerToken(req);
      const client = clientInfoOf(req, options.trustedProxies);
      return { viewer: token ? await viewerOf(token, correlationId) : null, client };
    },
    /** For the graphql-ws server: a token from connection_init, checked exactly like a header. */
    verifyToken: (token: string, correlationId: string) => viewerOf(token, correlationId),
    /** The tier billing last set for the user, when it changed within a token's lifetime. */
    currentTier: (userId: string) => currentTierOf(store, userId),
    ready: () => store.ready(),
    close: () => store.close(),
  };
}

export type GatewayAuth = ReturnType<typeof createGatewayAuth>;
