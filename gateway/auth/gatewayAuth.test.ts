import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAccessTokenSigner, type AccessTokenSigner } from '../../platform/auth/accessToken';
import { denySession } from '../../platform/auth/sessionDenylist';
import { createRedisKeyValueStore } from '../../platform/keyValueStore';
import { redisUrl, testLogger } from '../../test/support/env';
import { parseTrustedProxies } from './clientInfo';
import { createGatewayAuth } from './gatewayAuth';

// The gateway's verifier against a JWKS endpoint of our own (counting fetches) and the real Redis.
describe('gateway access-token verification', () => {
  let clock = Date.now();
  let signer: AccessTokenSigner;
  let server: Server;
  let jwksFetches = 0;
  let jwksUrl: string;
  const store = createRedisKeyValueStore(redisUrl);
  const settings = { issuer: 'tradeschool-identity', audience: 'tradeschool-api' };

  beforeAll(async () => {
    signer = await createAccessTokenSigner({ ...settings, now: () => clock });
    server = createServer((_req, res) => {
      jwksFetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(signer.jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  });

  const request = (token: string) =>
    ({
      headers: { authorization: `Bearer ${token}` },
      socket: { remoteAddress: '::ffff:10.1.2.3' },
    }) as unknown as IncomingMessage;
  const claims = (sid = randomUUID()) => ({
    sub: randomUUID(),
    sid,
    roles: ['LEARNER' as const],
    tier: 'FREE' as const,
    kyc: 'NONE',
  });
  const auth = (cooldownMs: number) =>
    createGatewayAuth({ jwksUrl, ...settings, logger: testLogger, store, jwksCooldownMs: cooldownMs });

  it('fetches the key set once and serves later verifications from the cache', async () => {
    const gatewayAuth = auth(30_000);
    const before = jwksFetches;
    for (let i = 0; i < 5; i++) {
      const { viewer, client } = await gatewayAuth.authenticate(request(await signer.sign(claims())), 'c');
      expect(viewer?.roles).toEqual(['LEARNER']);
      expect(client.ip).toBe('10.1.2.3');
    }
    expect(jwksFetches - before).toBe(1);
  });

  it('refetches on an unknown kid, but not again inside the cooldown', async () => {
    const gatewayAuth = auth(60_000);
    await gatewayAuth.authenticate(request(await signer.sign(claims())), 'c');
    const other = await createAccessTokenSigner(settings);
    const before = jwksFetches;
    for (let i = 0; i < 3; i++) {
      await expect(gatewayAuth.authenticate(request(await other.sign(claims())), 'c')).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    }
    expect(jwksFetches - before).toBeLessThanOrEqual(1);
  });

  it('verifies across a signing-key rotation: new key published first, old tokens still valid', async () => {
    const gatewayAuth = auth(0);
    const oldToken = await signer.sign(claims());
    const oldKid = signer.activeKid;
    // Only the signer's clock moves: the gateway verifies in real time, and refuses an iat more than
    // 60 s ahead of it, so the simulated lead stays under that.
    const rotation = await signer.rotate(30_000);
    expect(signer.jwks.keys.map((key) => key.kid)).toEqual([oldKid, rotation.kid]);
    expect(signer.activeKid).toBe(oldKid);
    clock += 31_000;
    expect(signer.activeKid).toBe(rotation.kid);
    const newToken = await signer.sign(claims());
    expect((await gatewayAuth.authenticate(request(newToken), 'c')).viewer).not.toBeNull();
    expect((await gatewayAuth.authenticate(request(oldToken), 'c')).viewer).not.toBeNull();
    // Once every token of the old key has expired, it is no longer published.
    clock += 16 * 60_000 + 1;
    expect(signer.jwks.keys.map((key) => key.kid)).toEqual([rotation.kid]);
    clock = Date.now();
  });

  it('refuses a tampered copy of a token it has already verified', async () => {
    const gatewayAuth = auth(30_000);
    const token = await signer.sign(claims());
    expect((await gatewayAuth.authenticate(request(token), 'c')).viewer).not.toBeNull();
    const [header, payload] = token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), roles: ['ADMIN'] }),
    ).toString('base64url');
    const forged = `${header}.${forgedPayload}.${token.split('.')[2]}`;
    await expect(gatewayAuth.authenticate(request(forged), 'c')).rejects.toMatchObject({ status: 401 });
    expect((await gatewayAuth.authenticate(request(token), 'c')).viewer?.roles).toEqual(['LEARNER']);
  });

  it('refuses the access token of a denylisted session', async () => {
    const gatewayAuth = auth(30_000);
    const sid = randomUUID();
    const token = await signer.sign(claims(sid));
    expect((await gatewayAuth.authenticate(request(token), 'c')).viewer?.sessionId).toBe(sid);
    await denySession(store, sid);
    await expect(gatewayAuth.authenticate(request(token), 'c')).rejects.toMatchObject({ status: 401 });
  });

  it('believes X-Forwarded-For only from the configured trusted proxies', async () => {
    const token = await signer.sign(claims());
    const proxied = {
      headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '198.51.100.7, 203.0.113.9' },
      socket: { remoteAddress: '::ffff:10.1.2.3' },
    } as unknown as IncomingMessage;
    const direct = createGatewayAuth({ jwksUrl, ...settings, logger: testLogger, store });
    expect((await direct.authenticate(proxied, 'c')).client.ip).toBe('10.1.2.3');
    const behindProxy = createGatewayAuth({
      jwksUrl,
      ...settings,
      logger: testLogger,
      store,
      trustedProxies: parseTrustedProxies('10.0.0.0/8'),
    });
    // The rightmost hop not ours: the client cannot move it by writing more addresses on the left.
    expect((await behindProxy.authenticate(proxied, 'c')).client.ip).toBe('203.0.113.9');
  });
});
