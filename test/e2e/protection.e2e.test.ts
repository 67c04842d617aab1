import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack, type Stack } from '../../gateway/stack';
import { DEMO_PASSWORD } from '../../prisma/seed/data';
import { createSeededTestDatabase, type TestDatabase } from '../support/database';
import { eventually, redisUrl, testGatewaySecret } from '../support/env';
import { post, recordingLogger, startExtraGateway, startPrivateRedis } from './protectionHarness';

// The gateway's protections on the whole supergraph: refused operations must never reach a subgraph.
describe('gateway protection end to end', () => {
  let db: TestDatabase;
  let stack: Stack;
  let url: string;
  const log = recordingLogger();
  const stops: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    stack = await startStack({
      databaseUrl: db.url,
      redisUrl,
      gatewaySecret: testGatewaySecret,
      logger: log.logger,
      gatewayPort: 0,
      subgraphPorts: 'ephemeral',
    });
    url = stack.gatewayUrl;
  }, 120_000);

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    await stack?.stop();
    await db?.drop();
  });

  async function extraGateway(limits: Parameters<typeof startExtraGateway>[2]) {
    const gateway = await startExtraGateway(stack, log.logger, limits);
    stops.push(() => gateway.stop());
    return gateway.url;
  }

  /** Runs `send` and returns how many operations reached a subgraph meanwhile. */
  async function subgraphCallsDuring(send: () => Promise<unknown>): Promise<number> {
    const before = log.subgraphOperations();
    await send();
    // Subgraphs log when they answer; give a stray call time to show up.
    await new Promise((resolve) => setTimeout(resolve, 100));
    return log.subgraphOperations() - before;
  }

  const nested = (levels: number) =>
    `{ courses(first: 1) { edges { node { instructor { enrollments { course { instructor { ${
      levels === 9 ? 'enrollments { id }' : 'name'
    } } } } } } } } }`;
  const aliased = (count: number) =>
    `{ ${Array.from({ length: count }, (_, i) => `p${i}: plans { id }`).join(' ')} }`;
  // `{ plans { id … } }`: 5 tokens around the ids.
  const tokens = (count: number) => `{ plans { ${'id '.repeat(count - 5)}} }`;

  it('refuses depth 9, 40 aliases and 1,001 tokens without calling any subgraph', async () => {
    for (const [query, code] of [
      [nested(9), 'GRAPHQL_VALIDATION_FAILED'],
      [aliased(40), 'GRAPHQL_VALIDATION_FAILED'],
      [tokens(1_001), 'GRAPHQL_PARSE_FAILED'],
    ] as const) {
      let response: Awaited<ReturnType<typeof post>> | undefined;
      expect(await subgraphCallsDuring(async () => (response = await post(url, { query })))).toBe(0);
      expect(response).toMatchObject({ status: 400, errors: [{ extensions: { code } }] });
    }
    // The same shapes one step inside the limits do reach the subgraphs.
    for (const query of [nested(8), aliased(30), tokens(1_000)]) {
      expect(await subgraphCallsDuring(() => post(url, { query }))).toBeGreaterThan(0);
    }
  });

  it('refuses an operation whose estimated cost is over the limit, before any subgraph call', async () => {
    const query = `{ courses(first: 100) { edges { node { modules { lessons { assessment { authoredQuestions { id } } } } } } } }`;
    let response: Awaited<ReturnType<typeof post>> | undefined;
    expect(await subgraphCallsDuring(async () => (response = await post(url, { query })))).toBe(0);
    expect(response).toMatchObject({
      status: 400,
      errors: [{ extensions: { code: 'QUERY_TOO_COMPLEX', maxCost: 50_000 } }],
    });
  });

  it('gives no "did you mean" and no introspection in production; both in development', async () => {
    const production = await extraGateway({ NODE_ENV: 'production' });
    const misspelled = { query: '{ plan { id } }' };
    const [dev, prod] = [await post(url, misspelled), await post(production, misspelled)];
    expect(dev.errors?.[0]?.message).toMatch(/Did you mean/);
    expect(prod.status).toBe(400);
    expect(prod.errors?.[0]?.message).not.toMatch(/Did you mean|plans/);
    const introspection = { query: '{ __schema { queryType { name } } }' };
    expect((await post(url, introspection)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect(await post(production, introspection)).toMatchObject({
      status: 400,
      errors: [{ message: expect.stringMatching(/introspection/i) }],
    });
  });

  it('refuses CSRF-prone requests, GET mutations, batches and oversized bodies', async () => {
    const plainText = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ plans { id } }"}',
    });
    expect(plainText.status).toBe(400);
    expect(await plainText.text()).toMatch(/CSRF/);
    const mutation = encodeURIComponent('mutation { logout }');
    const get = await fetch(`${url}?query=${mutation}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(405);
    const batch = await post(url, [{ query: '{ plans { id } }' }, { query: '{ plans { id } }' }]);
    expect(batch.status).toBe(400);
    const small = await extraGateway({ MAX_BODY_BYTES: 2_000 });
    const oversized = await post(small, {
      query: '{ plans { id } }',
      variables: { padding: 'x'.repeat(3_000) },
    });
    expect(oversized).toMatchObject({ status: 413, errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  it('answers past the limit with 429, Retry-After and RATE_LIMITED; every response carries the headers', async () => {
    const limited = await extraGateway({
      RATE_LIMITS: 'on',
      REDIS_URL: redisUrl,
      RATE_LIMIT_FREE: 5,
      RATE_LIMIT_PREFIX: `test:${randomUUID()}:`,
    });
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await post(limited, { query: '{ plans { id } }' });
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe('5');
      expect(Number(response.headers.get('ratelimit-reset'))).toBeGreaterThan(3_500);
      seen.push(response.headers.get('ratelimit-remaining')!);
    }
    expect(seen).toEqual(['4', '3', '2', '1', '0']);
    const refused = await post(limited, { query: '{ plans { id } }' });
    expect(refused).toMatchObject({ status: 429, errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3_500);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
  });

  it('charges an operation its cost, and limits auth mutations per IP and account', async () => {
    const limited = await extraGateway({
      RATE_LIMITS: 'on',
      REDIS_URL: redisUrl,
      RATE_LIMIT_FREE: 50,
      RATE_LIMIT_AUTH: 2,
      RATE_LIMIT_COST_UNIT: 100,
      RATE_LIMIT_PREFIX: `test:${randomUUID()}:`,
    });
    const small = await post(limited, { query: '{ plans { id } }' });
    expect(small.headers.get('ratelimit-remaining')).toBe('49');
    // courses 1 + 20 edges × (edge 1 + node 1 + instructor 1 + 10 modules) = 261: three units of 100.
    const big = await post(limited, {
      query: '{ courses { edges { node { instructor { name } modules { id } } } } }',
    });
    expect(big.headers.get('ratelimit-remaining')).toBe('46');
    const login = (email: string) =>
      post(limited, {
        query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
        variables: { input: { email, password: DEMO_PASSWORD } },
      });
    expect((await login('free@demo.test')).status).toBe(200);
    expect((await login('premium@demo.test')).status).toBe(200);
    const third = await login('enterprise@demo.test');
    expect(third).toMatchObject({ status: 429, errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
    expect(third.headers.get('ratelimit-limit')).toBe('2');
  });

  it('keeps limiting when its Redis stops, and reports degraded readiness', async () => {
    const redis = await startPrivateRedis();
    stops.push(() => redis.shutdown());
    const limited = await extraGateway({ RATE_LIMITS: 'on', REDIS_URL: redis.url, RATE_LIMIT_FREE: 3 });
    const ready = () =>
      fetch(limited.replace(/graphql$/, 'readyz')).then(async (r) => ({
        http: r.status,
        body: (await r.json()) as unknown,
      }));
    expect(await post(limited, { query: '{ plans { id } }' })).toMatchObject({ status: 200 });
    expect(await ready()).toMatchObject({
      http: 200,
      body: { status: 'ready', checks: { rateLimiter: 'up' } },
    });

    redis.shutdown();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(limited, { query: '{ plans { id } }' })).status);
    // Served by this process's limiter: the full allowance again, then refused, never an open door.
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Degraded is still ready: taking every node out of the load balancer would turn a Redis outage into an API outage.
    expect(await ready()).toMatchObject({
      http: 200,
      body: { status: 'ready', checks: { rateLimiter: 'degraded' } },
    });
    await eventually(
      async () => (log.lines.some((line) => /Redis not answering/.test(line.msg)) ? true : undefined),
      2_000,
    );
  });

  it('accepts only registered operations in trusted-documents mode', async () => {
    const registered = '{ plans { tier } }';
    const hash = createHash('sha256').update(registered).digest('hex');
    const manifest = path.join(mkdtempSync(path.join(tmpdir(), 'trusted-')), 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ [hash]: registered }));
    const trusted = await extraGateway({
      TRUSTED_DOCUMENTS: 'enforce',
      TRUSTED_DOCUMENTS_MANIFEST: manifest,
    });

    const byId = await post(trusted, { documentId: `sha256:${hash}` });
    expect(byId.status).toBe(200);
    expect(byId.data).toEqual({ plans: expect.arrayContaining([{ tier: 'PREMIUM' }]) });
    const byApq = await post(trusted, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(byApq.data).toEqual(byId.data);
    expect((await post(trusted, { query: registered })).status).toBe(200);

    let unregistered: Awaited<ReturnType<typeof post>> | undefined;
    expect(
      await subgraphCallsDuring(
        async () => (unregistered = await post(trusted, { query: '{ plans { id } }' })),
      ),
    ).toBe(0);
    expect(unregistered).toMatchObject({
      status: 400,
      errors: [{ extensions: { code: 'OPERATION_NOT_TRUSTED' } }],
    });
    const unknownId = await post(trusted, { documentId: `sha256:${'0'.repeat(64)}` });
    expect(unknownId).toMatchObject({
      status: 400,
      errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
    });
  });
});
