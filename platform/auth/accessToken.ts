import { randomUUID } from 'node:crypto';
import {
  exportJWK,
  generateKeyPair,
  importPKCS8,
  importSPKI,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import type { Role, Tier, Viewer } from './viewer';

export const ACCESS_TOKEN_ALG = 'ES256';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

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

/**
 * Signs access tokens with an asymmetric key, so the gateway verifies them with the public half only
 * (served as JWKS). Without configured keys a key pair is generated at boot: fine for one process
 * (`npm start`, tests), wrong for several identity replicas, which is why production requires keys.
 */
export async function createAccessTokenSigner(
  settings: TokenSettings & { privateKeyPem?: string | undefined; publicKeyPem?: string | undefined },
) {
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  if (settings.privateKeyPem && settings.publicKeyPem) {
    privateKey = await importPKCS8(settings.privateKeyPem, ACCESS_TOKEN_ALG);
    publicKey = await importSPKI(settings.publicKeyPem, ACCESS_TOKEN_ALG, { extractable: true });
  } else {
    ({ privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALG, { extractable: true }));
  }
  const publicJwk = await exportJWK(publicKey);
  const kid = randomUUID();
  const jwks: JSONWebKeySet = { keys: [{ ...publicJwk, kid, alg: ACCESS_TOKEN_ALG, use: 'sig' }] };

  return {
    jwks,
    async sign(claims: AccessTokenClaims): Promise<string> {
      const { sub, ...rest } = claims;
      return new SignJWT({ ...rest, typ: 'access' })
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, kid })
        .setSubject(sub)
        .setIssuer(settings.issuer)
        .setAudience(settings.audience)
        .setIssuedAt()
        .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
        .sign(privateKey);
    },
  };
}

export type AccessTokenSigner = Awaited<ReturnType<typeof createAccessTokenSigner>>;

/** The gateway's check: signature (JWKS), issuer, audience, expiry and token type. */
export async function verifyAccessToken(
  token: string,
  keys: JWTVerifyGetKey,
  settings: TokenSettings,
): Promise<Viewer> {
  const { payload } = await jwtVerify(token, keys, {
    issuer: settings.issuer,
    audience: settings.audience,
    algorithms: [ACCESS_TOKEN_ALG],
    clockTolerance: 5,
  });
  if (payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
    throw new Error('not an access token');
  }
  return {
    userId: payload.sub,
    sessionId: payload.sid,
    roles: (payload.roles as Role[] | undefined) ?? [],
    tier: (payload.tier as Tier | undefined) ?? 'FREE',
  };
}
