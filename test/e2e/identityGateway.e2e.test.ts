import { generateKeyPair } from 'jose';
import { DEMO_PASSWORD, demoUserIds } from '../../prisma/seed/data';
import { expectData, postGraphQL } from '../support/graphqlClient';
import { bearer, startIdentityStack, type IdentityStack } from './identityHarness';
import { forgeAccessToken, unsignedToken } from './identityTokens';

// What the gateway lets through to identity: forged access tokens, unsigned subgraph calls, client-sent
// identity headers, and signing-key rotation.
describe('identity end to end', () => {
  let s: IdentityStack;

  beforeAll(async () => {
    s = await startIdentityStack('identity-gateway-e2e');
  }, 120_000);

  afterAll(async () => {
    await s?.stop();
  });

  describe('the gateway verifies access tokens', () => {
    const meWith = (token: string) =>
      postGraphQL<{ me: { id: string } | null }>(s.url, `{ me { id } }`, {}, bearer(token));
    const expectRefused = async (token: string) => {
      const result = await meWith(token);
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    };

    it('accepts a token signed with the identity key and the right claims (control)', async () => {
      const token = await forgeAccessToken(demoUserIds.free, { key: s.key.privateKey, kid: s.key.kid });
      expect((await meWith(token)).data?.me?.id).toBe(demoUserIds.free);
    });
    it('refuses alg none', async () => expectRefused(unsignedToken(demoUserIds.admin, s.key.kid)));
    it('refuses HS256 signed with the public key', async () =>
      expectRefused(
        await forgeAccessToken(demoUserIds.admin, {
          key: new TextEncoder().encode(s.key.publicKeyPem),
          alg: 'HS256',
          kid: s.key.kid,
        }),
      ));
    it('refuses an unknown kid', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      await expectRefused(await forgeAccessToken(demoUserIds.admin, { key: privateKey, kid: 'unknown-kid' }));
    });
    it('refuses a token expired by 61 seconds', async () =>
      expectRefused(
        await forgeAccessToken(demoUserIds.free, {
          key: s.key.privateKey,
          kid: s.key.kid,
          expiresAt: Math.floor(Date.now() / 1000) - 61,
        }),
      ));
    it('refuses the wrong issuer', async () =>
      expectRefused(
        await forgeAccessToken(demoUserIds.free, { key: s.key.privateKey, kid: s.key.kid, issuer: 'evil' }),
      ));
    it('refuses the wrong audience', async () =>
      expectRefused(
        await forgeAccessToken(demoUserIds.free, {
          key: s.key.privateKey,
          kid: s.key.kid,
          audience: 'other-api',
        }),
      ));
    it('refuses the wrong token type', async () =>
      expectRefused(
        await forgeAccessToken(demoUserIds.free, { key: s.key.privateKey, kid: s.key.kid, typ: 'JWT' }),
      ));
  });

  it('refuses a direct subgraph call without the gateway signature, _entities included', async () => {
    const direct = await postGraphQL(
      s.stack.subgraphUrls.identity,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { email } } }`,
      { r: [{ __typename: 'User', id: demoUserIds.admin }] },
    );
    expect(direct.status).toBe(401);
    expect(direct.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(direct.data).toBeUndefined();
  });

  it('ignores identity headers sent by the client', async () => {
    const forgedViewer = Buffer.from(
      JSON.stringify({ userId: demoUserIds.admin, sessionId: 'x', roles: ['ADMIN'], tier: 'ENTERPRISE' }),
    ).toString('base64url');
    const result = await expectData<{ me: null }>(
      s.url,
      `{ me { id } }`,
      {},
      {
        'x-viewer': forgedViewer,
        'x-viewer-ts': String(Date.now()),
        'x-viewer-client': '',
        'x-gateway-signature': 'forged',
      },
    );
    expect(result.me).toBeNull();
  });

  it('publishes a new signing key before it signs', async () => {
    const adminAuth = (await s.login('admin@demo.test', DEMO_PASSWORD)).data!.login;
    const rotation = await expectData<{ rotateSigningKey: { kid: string; signsFrom: string } }>(
      s.url,
      `mutation { rotateSigningKey { kid signsFrom } }`,
      {},
      bearer(adminAuth.accessToken),
    );
    const jwks = (await (
      await fetch(new URL('/.well-known/jwks.json', s.stack.subgraphUrls.identity))
    ).json()) as {
      keys: { kid: string }[];
    };
    expect(jwks.keys.map((k) => k.kid)).toEqual([s.key.kid, rotation.rotateSigningKey.kid]);
    expect(Date.parse(rotation.rotateSigningKey.signsFrom)).toBeGreaterThan(Date.now());
    const fresh = (await s.login('free@demo.test', DEMO_PASSWORD)).data!.login;
    expect(JSON.parse(Buffer.from(fresh.accessToken!.split('.')[0]!, 'base64url').toString()).kid).toBe(
      s.key.kid,
    );
  });
});
