import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importPKCS8,
  importSPKI,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import type { Role, Tier, Viewer } from './viewer';

/** The one algorithm access tokens use; verifiers accept nothing else (no `none`, no HS* confusion). */
export const ACCESS_TOKEN_ALG = 'ES256';
/** RFC 9068 header type: an ID token or a refresh token can never pass as an access token. */
export const ACCESS_TOKEN_TYP = 'at+jwt';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/**
 * `iss` and `aud` of our access tokens. Constants, not variables: identity signs them and the gateway
 * checks them, and two processes each reading a variable that must match is a misconfiguration
 * waiting to happen (a deployment is told apart by its signing key, not by these names).
 */
export const ACCESS_TOKEN_ISSUER = 'tradeschool-identity';
export const ACCESS_TOKEN_AUDIENCE = 'tradeschool-api';
/** The issue's ceiling on clock tolerance; verifiers clamp whatever they are given to it. */
export const MAX_CLOCK_TOLERANCE_SECONDS = 60;

export interface AccessTokenClaims {
  sub: string;
  sid: string;
  roles: Role[];
  tier: Tier;
  kyc: string;
}

export interface TokenSettings {
  issuer: string;
  audience: string;
}

/** A key from configuration: without a private half it only verifies (a retired key). */
export interface SigningKeySpec {
  privateKeyPem?: string | undefined;
  publicKeyPem: string;
  /** When it starts signing (ms since epoch); before that it is only published. */
  signsFrom?: number;
}

interface RingKey {
  kid: string;
  privateKey: CryptoKey | null;
  publicJwk: JWK;
  signsFrom: number;
}

async function ringKey(
  publicKey: CryptoKey,
  privateKey: CryptoKey | null,
  signsFrom: number,
): Promise<RingKey> {
  const publicJwk = await exportJWK(publicKey);
  // The thumbprint is the kid: replicas configured with the same key agree on it without coordination.
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, privateKey, publicJwk: { ...publicJwk, kid, alg: ACCESS_TOKEN_ALG, use: 'sig' }, signsFrom };
}

async function keyFromSpec(spec: SigningKeySpec): Promise<RingKey> {
  const publicKey = await importSPKI(spec.publicKeyPem, ACCESS_TOKEN_ALG, { extractable: true });
  const privateKey = spec.privateKeyPem ? await importPKCS8(spec.privateKeyPem, ACCESS_TOKEN_ALG) : null;
  return ringKey(publicKey, privateKey, spec.signsFrom ?? 0);
}

async function generatedKey(signsFrom: number): Promise<RingKey> {
  const { privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALG, { extractable: true });
  return ringKey(publicKey, privateKey, signsFrom);
}

/**
 * Signs access tokens with an asymmetric key ring, so the gateway verifies them with public halves
 * only (served as JWKS). Rotation publishes a new key before it signs (verifiers' JWKS caches pick it
 * up first) and keeps publishing the old one until the last token it signed has expired. Without
 * configured keys a key pair is generated at boot: fine for one process (`npm start`, tests), wrong
 * for several identity replicas, which is why production requires keys.
 */
export async function createAccessTokenSigner(
  settings: TokenSettings & {
    privateKeyPem?: string | undefined;
    publicKeyPem?: string | undefined;
    /** Extra keys: the next one (with `signsFrom`) and retired ones (public only). */
    keys?: SigningKeySpec[];
    now?: () => number;
  },
) {
  const now = settings.now ?? Date.now;
  const ring: RingKey[] = [];
  if (settings.privateKeyPem && settings.publicKeyPem) {
    ring.push(
      await keyFromSpec({ privateKeyPem: settings.privateKeyPem, publicKeyPem: settings.publicKeyPem }),
    );
  }
  for (const spec of settings.keys ?? []) ring.push(await keyFromSpec(spec));
  if (!ring.some((key) => key.privateKey)) ring.push(await generatedKey(0));

  /** The newest key that may sign now. */
  function activeKey(at: number): RingKey & { privateKey: CryptoKey } {
    const candidates = ring.filter((key) => key.privateKey && key.signsFrom <= at);
    const newest = candidates.sort((a, b) => b.signsFrom - a.signsFrom)[0];
    if (!newest?.privateKey) throw new Error('no signing key is active yet');
    return newest as RingKey & { privateKey: CryptoKey };
  }

  /** A key stays published until tokens signed by it can no longer pass a verifier. */
  function published(at: number): RingKey[] {
    const active = activeKey(at);
    const lastTokenExpiry =
      active.signsFrom + ACCESS_TOKEN_TTL_SECONDS * 1000 + MAX_CLOCK_TOLERANCE_SECONDS * 1000;
    return ring.filter(
      (key) => key === active || key.signsFrom > active.signsFrom || at < lastTokenExpiry || !key.privateKey,
    );
  }

  return {
    get jwks(): JSONWebKeySet {
      return { keys: published(now()).map((key) => key.publicJwk) };
    },
    get activeKid(): string {
      return activeKey(now()).kid;
    },
    /** Adds a generated key that starts signing after `publishLeadMs`; returns its kid. */
    async rotate(publishLeadMs: number): Promise<{ kid: string; signsFrom: Date }> {
      const key = await generatedKey(now() + publishLeadMs);
      ring.push(key);
      return { kid: key.kid, signsFrom: new Date(key.signsFrom) };
    },
    async sign(claims: AccessTokenClaims): Promise<string> {
      const { sub, ...rest } = claims;
      const key = activeKey(now());
      return new SignJWT({ ...rest, typ: 'access' })
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, kid: key.kid, typ: ACCESS_TOKEN_TYP })
        .setSubject(sub)
        .setIssuer(settings.issuer)
        .setAudience(settings.audience)
        .setIssuedAt(Math.floor(now() / 1000))
        .setExpirationTime(Math.floor(now() / 1000) + ACCESS_TOKEN_TTL_SECONDS)
        .sign(key.privateKey);
    },
  };
}

export type AccessTokenSigner = Awaited<ReturnType<typeof createAccessTokenSigner>>;

export interface VerifiedAccessToken {
  viewer: Viewer;
  /** Seconds since the epoch: how long a denylist entry for this token must live. */
  expiresAt: number;
}

/**
 * The gateway's check: one pinned algorithm, signature (JWKS), issuer, audience, expiry and type; `iat`
 * at most 60 s ahead and a lifetime no longer than identity issues.
 */
export async function verifyAccessToken(
  token: string,
  keys: JWTVerifyGetKey,
  settings: TokenSettings & {
    clockToleranceSeconds?: number;
    /** Longest `exp - iat` accepted; identity signs for ACCESS_TOKEN_TTL_SECONDS. */
    maxLifetimeSeconds?: number;
    now?: () => number;
  },
): Promise<VerifiedAccessToken> {
  const { payload } = await jwtVerify(token, keys, {
    issuer: settings.issuer,
    audience: settings.audience,
    algorithms: [ACCESS_TOKEN_ALG],
    typ: ACCESS_TOKEN_TYP,
    requiredClaims: ['exp', 'iat', 'sub'],
    clockTolerance: Math.min(settings.clockToleranceSeconds ?? 30, MAX_CLOCK_TOLERANCE_SECONDS),
  });
  if (payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
    throw new Error('not an access token');
  }
  // jose checks `iat` only with maxTokenAge; a token dated tomorrow, or one signed to live for a
  // day, was not issued by identity's signer (which never does either) and is refused.
  const issuedAt = payload.iat ?? 0;
  const nowSeconds = Math.floor((settings.now?.() ?? Date.now()) / 1000);
  if (issuedAt > nowSeconds + MAX_CLOCK_TOLERANCE_SECONDS) throw new Error('token issued in the future');
  const maxLifetime = settings.maxLifetimeSeconds ?? ACCESS_TOKEN_TTL_SECONDS;
  if ((payload.exp ?? 0) - issuedAt > maxLifetime) throw new Error('token lifetime longer than configured');
  return {
    viewer: {
      userId: payload.sub,
      sessionId: payload.sid,
      roles: (payload.roles as Role[] | undefined) ?? [],
      tier: (payload.tier as Tier | undefined) ?? 'FREE',
      kyc: typeof payload.kyc === 'string' ? payload.kyc : 'NONE',
    },
    expiresAt: payload.exp ?? 0,
  };
}
