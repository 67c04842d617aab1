import pino from 'pino';
import { signedSubgraphHeaders } from '../../platform/auth/gatewaySignature';
import { startStack, type Stack } from '../../gateway/stack';
import { demoUserIds } from '../../prisma/seed/data';
import { createSeededTestDatabase, type TestDatabase } from '../support/database';
import { createTestKafkaBus, eventually, redisUrl, testGatewaySecret } from '../support/env';
import { expectData, loginHeaders, postGraphQL } from '../support/graphqlClient';

// The whole supergraph on ephemeral ports against the real PostgreSQL and Kafka: every request below
// crosses the gateway, the query planner and HTTP to the subgraphs.
describe('supergraph end to end', () => {
  let db: TestDatabase;
  let stack: Stack;
  let url: string;
  // The stack logs into memory, so tests can follow a correlation id across processes' log lines.
  const logLines: { correlationId?: string; subgraph?: string; component?: string; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    stack = await startStack({
      databaseUrl: db.url,
      bus: createTestKafkaBus('e2e'),
      redisUrl,
      gatewaySecret: testGatewaySecret,
      logger,
      gatewayPort: 0,
      subgraphPorts: 'ephemeral',
      outboxPollMs: 50,
    });
    url = stack.gatewayUrl;
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await stack?.infra.bus.stop();
    await db?.drop();
  });

  const login = (email: string) => loginHeaders(url, email);

  it('answers the catalog and plans anonymously, with exact Money strings', async () => {
    const data = await expectData<{
      courses: {
        totalCount: number;
        edges: { node: { title: string; price: { amount: string }; instructor: { name: string } } }[];
      };
      plans: { tier: string; price: { amount: string; currency: string } }[];
    }>(
      url,
      `{ courses(first: 10) { totalCount edges { node { title price { amount currency } instructor { name }
           modules { lessons { id } } } } }
         plans { tier price { amount currency } } }`,
    );
    expect(data.courses.totalCount).toBe(4);
    expect(data.courses.edges.map((edge) => edge.node.instructor.name)).toEqual(Array(4).fill('Vikram Nair'));
    expect(data.plans).toEqual([
      { tier: 'FREE', price: { amount: '0.00', currency: 'INR' } },
      { tier: 'PREMIUM', price: { amount: '2999.00', currency: 'INR' } },
      { tier: 'ENTERPRISE', price: { amount: '9999.00', currency: 'INR' } },
    ]);
  });

  it('resolves one query across identity, learning, billing and trading for the signed-in user', async () => {
    const headers = await login('premium@demo.test');
    const data = await expectData<{
      me: {
        id: string;
        email: string;
        tier: string;
        subscription: { plan: { name: string } };
        enrollments: { course: { title: string } }[];
        portfolio: { cash: { amount: string; currency: string } };
      };
    }>(
      url,
      `{ me { id email tier subscription { plan { name } } enrollments { course { title } }
              portfolio { cash { amount currency } } } }`,
      {},
      headers,
    );
    expect(data.me.id).toBe(demoUserIds.premium);
    expect(data.me.email).toBe('premium@demo.test');
    expect(data.me.tier).toBe('PREMIUM');
    expect(data.me.subscription.plan.name).toBe('Premium');
    expect(data.me.enrollments).toHaveLength(2);
    expect(data.me.portfolio.cash).toEqual({ amount: '1000000.00', currency: 'INR' });
  });

  it('registration flows through the outbox and Kafka: billing and trading each react once', async () => {
    const email = `new-${Date.now()}@example.test`;
    const registered = await expectData<{ register: { accessToken: string; user: { id: string } } }>(
      url,
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`,
      { input: { email, password: 'Correct-Horse-42', name: 'New Trader' } },
    );
    const headers = { authorization: `Bearer ${registered.register.accessToken}` };
    const me = await eventually(
      async () => {
        const result = await postGraphQL<{
          me: { subscription: { plan: { tier: string } } | null; portfolio: unknown };
        }>(url, `{ me { subscription { plan { tier } } portfolio { cash { amount } } } }`, {}, headers);
        return result.data?.me.subscription && result.data.me.portfolio ? result.data.me : undefined;
      },
      30_000,
      'subscription and portfolio of the new user',
    );
    expect(me).toEqual({
      subscription: { plan: { tier: 'FREE' } },
      portfolio: { cash: { amount: '1000000.00' } },
    });
    const userId = registered.register.user.id;
    expect(await db.prisma.subscription.count({ where: { userId } })).toBe(1);
    expect(await db.prisma.portfolio.count({ where: { userId } })).toBe(1);
  });

  it('rejects bad input with a typed error and writes nothing', async () => {
    const email = `weak-${Date.now()}@example.test`;
    const result = await postGraphQL(
      url,
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      {
        input: { email, password: 'short' },
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await db.prisma.user.count({ where: { emailNormalized: email } })).toBe(0);

    const duplicate = await postGraphQL(
      url,
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      {
        input: { email: 'PREMIUM@demo.test', password: 'Another-Password-9' },
      },
    );
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('trusts only what the gateway verified', async () => {
    const badToken = await postGraphQL(url, `{ me { id } }`, {}, { authorization: 'Bearer not-a-jwt' });
    expect(badToken.status).toBe(401);
    expect(badToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // A client cannot smuggle an identity: x-viewer headers are dropped and re-signed by the gateway.
    const forged = signedSubgraphHeaders(
      'not-the-secret-0123456789abcdef0123',
      { method: 'POST', subgraph: 'identity', path: '/graphql', body: '{"query":"{ me { id } }"}' },
      {
        viewer: { userId: demoUserIds.admin, sessionId: 'x', roles: ['ADMIN'], tier: 'ENTERPRISE' },
        correlationId: 'forged-correlation',
      },
    );
    const smuggled = await expectData<{ me: null }>(url, `{ me { id } }`, {}, forged);
    expect(smuggled.me).toBeNull();

    // Subgraphs refuse anything that did not come through the gateway.
    const direct = await postGraphQL(stack.subgraphUrls.learning, `{ courses { totalCount } }`);
    expect(direct.status).toBe(401);
    expect(direct.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('one correlation id follows a request from the gateway into every subgraph it touches', async () => {
    const headers = { ...(await login('enterprise@demo.test')), 'x-correlation-id': 'e2e-correlation-0001' };
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ me { name tier portfolio { cash { amount } } } }' }),
    });
    expect(response.headers.get('x-correlation-id')).toBe('e2e-correlation-0001');
    const lines = logLines.filter((line) => line.correlationId === 'e2e-correlation-0001');
    const services = new Set(lines.map((line) => line.subgraph ?? line.component));
    expect(services).toEqual(new Set(['gateway', 'identity', 'billing', 'trading']));
  });

  it('reports health and readiness on the gateway and every subgraph', async () => {
    const gatewayReady = await fetch(new URL('/readyz', url));
    expect(gatewayReady.status).toBe(200);
    expect(((await gatewayReady.json()) as { checks: Record<string, string> }).checks).toEqual({
      identity: 'up',
      learning: 'up',
      signals: 'up',
      trading: 'up',
      billing: 'up',
      redis: 'up',
    });
    for (const subgraphUrl of Object.values(stack.subgraphUrls)) {
      const ready = (await (await fetch(new URL('/readyz', subgraphUrl))).json()) as {
        checks: Record<string, string>;
      };
      expect(ready.checks).toEqual({ postgres: 'up', kafka: 'up' });
    }
    const ide = await fetch(new URL('/', url));
    expect(ide.headers.get('content-type')).toContain('text/html');
  });
});
