import { exportPKCS8, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { calculateJwkThumbprint, exportJWK } from 'jose';

/** A key pair the test hands to identity, so it can also forge tokens the gateway must refuse. */
export async function testSigningKey() {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    privateKey,
    privateKeyPem: await exportPKCS8(privateKey),
    publicKeyPem: await exportSPKI(publicKey),
    kid: await calculateJwkThumbprint(await exportJWK(publicKey)),
  };
}

export interface ForgeOptions {
  key: CryptoKey | Uint8Array;
  alg?: string;
  kid: string;
  issuer?: string;
  audience?: string;
  /** Seconds since the epoch. */
  expiresAt?: number;
  typ?: string;
}

export function forgeAccessToken(
  userId: string,
  options: ForgeOptions,
  claims: JWTPayload = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    sid: '00000000-0000-4000-8000-000000000000',
    roles: ['LEARNER'],
    tier: 'FREE',
    kyc: 'NONE',
    typ: 'access',
    ...claims,
  })
    .setProtectedHeader({ alg: options.alg ?? 'ES256', kid: options.kid, typ: options.typ ?? 'at+jwt' })
    .setSubject(userId)
    .setIssuer(options.issuer ?? 'tradeschool-identity')
    .setAudience(options.audience ?? 'tradeschool-api')
    .setIssuedAt(now - 120)
    .setExpirationTime(options.expiresAt ?? now + 600)
    .sign(options.key);
}

/** `alg: none`: no signature at all, which jose refuses to produce, so it is written by hand. */
export function unsignedToken(userId: string, kid: string): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', kid, typ: 'at+jwt' })}.${part({
    sub: userId,
    sid: '00000000-0000-4000-8000-000000000000',
    roles: ['ADMIN'],
    tier: 'ENTERPRISE',
    typ: 'access',
    iss: 'tradeschool-identity',
    aud: 'tradeschool-api',
    iat: now,
    exp: now + 600,
  })}.`;
}

export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}
