import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { ACCESS_TOKEN_TTL_SECONDS, verifyAccessToken } from './accessToken';

// Tokens signed with a key the verifier trusts, but dated or lived as identity never signs them.
describe('access token verification: issue time and lifetime', () => {
  const settings = { issuer: 'tradeschool-identity', audience: 'tradeschool-api' };
  let privateKey: CryptoKey;
  let keys: ReturnType<typeof createLocalJWKSet>;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' }] });
  });

  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const token = (issuedAt: number, expiresAt: number) =>
    new SignJWT({ sid: 's1', roles: ['ADMIN'], tier: 'ENTERPRISE', kyc: 'NONE', typ: 'access' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
      .setSubject('u1')
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(privateKey);

  it('accepts a token as identity signs it, and one issued up to 60 s ahead (clock skew)', async () => {
    const now = nowSeconds();
    await expect(
      verifyAccessToken(await token(now, now + ACCESS_TOKEN_TTL_SECONDS), keys, settings),
    ).resolves.toMatchObject({ viewer: { userId: 'u1' } });
    await expect(verifyAccessToken(await token(now + 50, now + 600), keys, settings)).resolves.toMatchObject({
      viewer: { userId: 'u1' },
    });
  });

  it('refuses a token whose iat is more than 60 s in the future', async () => {
    const now = nowSeconds();
    await expect(verifyAccessToken(await token(now + 61, now + 600), keys, settings)).rejects.toThrow(
      'token issued in the future',
    );
    await expect(
      verifyAccessToken(await token(now + 86_400, now + 86_400 + 600), keys, settings),
    ).rejects.toThrow('token issued in the future');
  });

  it('refuses a token that lives longer than the access-token TTL', async () => {
    const now = nowSeconds();
    await expect(
      verifyAccessToken(await token(now - 10, now - 10 + ACCESS_TOKEN_TTL_SECONDS + 1), keys, settings),
    ).rejects.toThrow('token lifetime longer than configured');
    await expect(verifyAccessToken(await token(now - 10, now + 86_400), keys, settings)).rejects.toThrow(
      'token lifetime longer than configured',
    );
    await expect(
      verifyAccessToken(await token(now, now + 120), keys, { ...settings, maxLifetimeSeconds: 60 }),
    ).rejects.toThrow('token lifetime longer than configured');
  });
});
