import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import pino from 'pino';
import { gatewayConfigSchema } from '../../gateway/config';
import { createGatewayServer } from '../../gateway/server';
import { signedSubgraphHeaders } from '../../platform/auth/gatewaySignature';
import { seed } from '../../prisma/seed';
import { DEMO_PASSWORD, demoUserIds } from '../../prisma/seed/data';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { redisUrl, testGatewaySecret } from '../support/env';
import { expectData, loginHeaders, postGraphQL } from '../support/graphqlClient';
import { startTestStack, type TestStack } from '../support/testStack';
import { testSigningKey } from './identityTokens';

interface Captured {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

// Not forwarded as they were: they describe one connection, not the request the gateway signed.
const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
const replayable = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && !HOP_BY_HOP.has(entry[0]),
    ),
  );

/**
 * Stands between the gateway and billing as an attacker on the internal network would: records
 * every request the gateway sends (headers and exact body), forwards it, and can hold requests
 * unanswered (a subgraph that hangs).
 */
async function startRecordingProxy(target: string) {
  const captured: Captured[] = [];
  const held: ServerResponse[] = [];
  let holding = false;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { url: req.url ?? '/', headers: replayable(req.headers), body: Buffer.concat(chunks) };
      captured.push(request);
      if (holding) return void held.push(res);
      fetch(new URL(request.url, target), {
        method: req.method,
        headers: request.headers,
        body: request.body,
      })
        .then(async (upstream) => {
          res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? '' });
          res.end(Buffer.from(await upstream.arrayBuffer()));
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    captured,
    hold(on: boolean) {
      holding = on;
      if (!on) for (const res of held.splice(0)) res.destroy();
    },
    async stop() {
      this.hold(false);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function send(url: string, headers: Record<string, string>, body: Buffer | string) {
  const response = await fetch(url, { method: 'POST', headers, body });
  const answer = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, code: answer.errors?.[0]?.extensions?.code, answer };
}

type Errors = { message: string; extensions?: { code?: string; serviceName?: string } }[] | undefined;
const codes = (errors: Errors) => (errors ?? []).map((error) => error.extensions?.code);

// Issue 16, holes 2 and 5 and the outage part of 6, from outside: one stack on real Redis and Kafka,
// plus a second gateway (rate limits on, short subgraph timeout) whose billing calls go through a
// recording proxy, so real gateway → subgraph requests can be captured and replayed.
describe('gateway trust, tokens and subgraph failures end to end', () => {
  let db: TestDatabase;
  let stack: TestStack;
  let key: Awaited<ReturnType<typeof testSigningKey>>;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  let limited: ReturnType<typeof createGatewayServer>;
  let limitedUrl: string;
  let admin: Record<string, string>;
  const logLines: { level: number; code?: string; correlationId?: string; msg: string }[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seed(db.prisma, { demoAccounts: true });
    key = await testSigningKey();
    stack = await startTestStack(db, 'gateway-trust-e2e', {
      logger,
      identity: {
        privateKeyPem: key.privateKeyPem,
        publicKeyPem: key.publicKeyPem,
        settings: { REFRESH_GRACE_SECONDS: 0, REFRESH_LIMIT_PER_IP: 2, LOCKOUT_IP_THRESHOLD: 1_000 },
        lockoutNamespace: `gateway-trust-${randomBytes(4).toString('hex')}:`,
      },
    });
    proxy = await startRecordingProxy(stack.subgraphUrls.billing);
    limited = createGatewayServer(
      gatewayConfigSchema.parse({
        GATEWAY_SECRET: testGatewaySecret,
        REDIS_URL: redisUrl,
        PORT: 0,
        HOST: '127.0.0.1',
        IDENTITY_URL: stack.subgraphUrls.identity,
        LEARNING_URL: stack.subgraphUrls.learning,
        SIGNALS_URL: stack.subgraphUrls.signals,
        TRADING_URL: stack.subgraphUrls.trading,
        BILLING_URL: proxy.url,
        RESPONSE_CACHE: 'off',
        RATE_LIMITS: 'on',
        RATE_LIMIT_AUTH: 2,
        RATE_LIMIT_PREFIX: `ts:rl:gateway-trust-${randomBytes(4).toString('hex')}:`,
        REQUEST_TIMEOUT_MS: 1_000,
      }),
      logger.child({ component: 'limited-gateway' }),
    );
    limitedUrl = await limited.start(0, '127.0.0.1');
    admin = await loginHeaders(stack.gatewayUrl, 'admin@demo.test');
  }, 120_000);

  afterAll(async () => {
    await limited?.stop();
    await proxy?.stop();
    await stack?.stop();
    await stack?.infra.bus.stop();
    await db?.drop();
  });

  describe('gateway → subgraph requests', () => {
    it('refuses a captured request with another body, at another subgraph, a second time and late', async () => {
      const before = proxy.captured.length;
      const answered = await expectData<{ plans: unknown[]; me: { id: string } }>(
        limitedUrl,
        '{ plans { id } me { id } }',
        {},
        { ...admin, 'x-correlation-id': 'trust-e2e-captured-0001' },
      );
      expect(answered.me.id).toBe(demoUserIds.admin);
      const captured = proxy.captured.slice(before).find((request) => request.body.includes('plans'));
      expect(captured?.headers['x-gateway-signature']).toEqual(expect.any(String));
      const { headers, body } = captured!;

      // The admin's signed headers with another operation: the signature covers the body bytes.
      const otherBody = JSON.stringify({
        query:
          '{ revenueAnalytics(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { byDay { __typename } } }',
      });
      expect(await send(stack.subgraphUrls.billing, headers, otherBody)).toMatchObject({
        status: 401,
        code: 'GATEWAY_SIGNATURE_INVALID',
      });
      // The same request sent to another subgraph: the signature names billing.
      expect(await send(stack.subgraphUrls.trading, headers, body)).toMatchObject({
        status: 401,
        code: 'GATEWAY_SIGNATURE_INVALID',
      });
      // The very same bytes again: its nonce was used by the gateway's own call.
      expect(await send(stack.subgraphUrls.billing, headers, body)).toMatchObject({
        status: 403,
        code: 'GATEWAY_REQUEST_REPLAYED',
      });
      expect(logLines).toContainEqual(
        expect.objectContaining({
          code: 'GATEWAY_REQUEST_REPLAYED',
          correlationId: 'trust-e2e-captured-0001',
        }),
      );

      // Signed as the gateway signs, the same request is accepted once, and refused past the window.
      const target = {
        method: 'POST',
        subgraph: 'billing',
        path: '/graphql',
        body: '{"query":"{ plans { id } }"}',
      };
      const who = { viewer: null, correlationId: 'trust-e2e-fresh-0001' };
      const fresh = signedSubgraphHeaders(testGatewaySecret, target, who);
      const json = { 'content-type': 'application/json' };
      expect(await send(stack.subgraphUrls.billing, { ...json, ...fresh }, target.body)).toMatchObject({
        status: 200,
      });
      const late = signedSubgraphHeaders(testGatewaySecret, target, who, Date.now() - 31_000);
      expect(await send(stack.subgraphUrls.billing, { ...json, ...late }, target.body)).toMatchObject({
        status: 401,
        code: 'GATEWAY_SIGNATURE_EXPIRED',
      });
    });
  });

  describe('access and refresh tokens', () => {
    const forged = (issuedAt: number, expiresAt: number) =>
      new SignJWT({
        sid: randomBytes(8).toString('hex'),
        roles: ['ADMIN'],
        tier: 'ENTERPRISE',
        kyc: 'NONE',
        typ: 'access',
      })
        .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' })
        .setSubject(demoUserIds.admin)
        .setIssuer('tradeschool-identity')
        .setAudience('tradeschool-api')
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(key.privateKey);
    const me = async (token: string) =>
      postGraphQL<{ me: { id: string } }>(
        stack.gatewayUrl,
        '{ me { id } }',
        {},
        { authorization: `Bearer ${token}` },
      );

    it('refuses an access token issued more than 60 s ahead, or living longer than the TTL', async () => {
      const now = Math.floor(Date.now() / 1000);
      // The identity key signs all three; only the first is dated and lived as identity would.
      expect((await me(await forged(now, now + 900))).status).toBe(200);
      for (const token of [
        await forged(now + 86_400, now + 86_400 + 900),
        await forged(now - 10, now + 86_400),
      ]) {
        const refused = await me(token);
        expect(refused.status).toBe(401);
        expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    });

    it('revokes the family of a reused refresh token even when the refresh rate limit is spent', async () => {
      const refresh = (token: string) =>
        postGraphQL<{ refreshSession: { accessToken: string; refreshToken: string } }>(
          limitedUrl,
          'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }',
          { t: token },
        );
      const login = await expectData<{ login: { refreshToken: string } }>(
        stack.gatewayUrl,
        'mutation($input: LoginInput!) { login(input: $input) { refreshToken } }',
        { input: { email: 'premium@demo.test', password: DEMO_PASSWORD } },
      );
      const stolen = login.login.refreshToken;
      const rotated = await refresh(stolen);
      expect(rotated.errors).toBeUndefined();
      // Someone spends this client's allowance (2 per IP here) with junk.
      await refresh('junk-token-0001');
      // The rotated token comes back: reuse detection answers, not the limit.
      const reused = await refresh(stolen);
      expect(reused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(reused.errors?.[0]?.message).toContain('reuse');
      // The family is dead: its session is revoked for reuse and its access token refused.
      const session = await db.prisma.session.findFirst({
        where: { userId: demoUserIds.premium, revokedReason: 'REFRESH_REUSE' },
      });
      expect(session?.revokedAt).toEqual(expect.any(Date));
      expect((await me(rotated.data!.refreshSession.accessToken)).status).toBe(401);
      // And the limit still holds for everything else.
      expect((await refresh('junk-token-0002')).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    });
  });

  describe('subgraph failures', () => {
    it("passes a subgraph's 400 on with the subgraph's own code", async () => {
      const byVariable = await postGraphQL(
        stack.gatewayUrl,
        'query($from: DateTime!, $to: DateTime!) { revenueAnalytics(from: $from, to: $to) { byDay { __typename } } }',
        { from: 'not-a-date', to: '2026-02-01T00:00:00Z' },
        admin,
      );
      expect(codes(byVariable.errors as Errors)).toEqual(['BAD_USER_INPUT']);
      const byLiteral = await postGraphQL(
        stack.gatewayUrl,
        '{ revenueAnalytics(from: "not-a-date", to: "2026-02-01T00:00:00Z") { byDay { __typename } } }',
        {},
        admin,
      );
      const [code] = codes(byLiteral.errors as Errors);
      expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(code);
    });

    it('answers SERVICE_UNAVAILABLE for the fields of a subgraph that times out, and the rest', async () => {
      proxy.hold(true);
      try {
        const result = await postGraphQL<{ me: { id: string }; order: null }>(
          limitedUrl,
          '{ me { id } order(id: "00000000-0000-4000-8000-000000000000") { id } }',
          {},
          admin,
        );
        expect(result.data?.me.id).toBe(demoUserIds.admin);
        expect(result.data?.order).toBeNull();
        expect(result.errors).toEqual([
          expect.objectContaining({
            extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', serviceName: 'billing' }),
          }),
        ]);
      } finally {
        proxy.hold(false);
      }
    });

    // Last: it stops learning for good.
    it('answers SERVICE_UNAVAILABLE for the fields of a subgraph that is down, and the rest', async () => {
      const learning = stack.subgraphs.find((subgraph) => subgraph.name === 'learning')!;
      await learning.server.stop();
      const result = await postGraphQL<{ me: { id: string }; course: null }>(
        stack.gatewayUrl,
        '{ me { id } course(slug: "no-such-course") { id } }',
        {},
        admin,
      );
      expect(result.status).toBe(200);
      expect(result.data?.me.id).toBe(demoUserIds.admin);
      expect(result.data?.course).toBeNull();
      expect(result.errors).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', serviceName: 'learning' }),
        }),
      ]);
    });
  });
});
