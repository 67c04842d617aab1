import pino from 'pino';
import type { Viewer } from '../../platform/auth/viewer';
import { startStack, type Stack } from '../../gateway/stack';
import { demoUserIds } from '../../prisma/seed/data';
import { createSeededTestDatabase, type TestDatabase } from '../support/database';
import { createTestKafkaBus, redisUrl, testGatewaySecret } from '../support/env';
import { expectData, loginHeaders, postGraphQL } from '../support/graphqlClient';
import { signedSubgraphRequest } from '../support/signedSubgraphRequest';

// Issue 4, graphql-shield in every subgraph, seen from outside: through the gateway, and straight at
// the subgraphs with the gateway's signature (the only way `_entities` can be asked).
describe('permissions end to end', () => {
  let db: TestDatabase;
  let stack: Stack;
  let url: string;
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    stack = await startStack({
      databaseUrl: db.url,
      bus: createTestKafkaBus('e2e-permissions'),
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

  /** A request to a subgraph as the gateway would send it for `viewer`. */
  function signed(
    subgraph: string,
    query: string,
    variables: Record<string, unknown>,
    viewer: Viewer | null,
    correlationId: string,
  ): Record<string, string> {
    const subgraphUrl = stack.subgraphUrls[subgraph as keyof typeof stack.subgraphUrls];
    return signedSubgraphRequest(subgraphUrl, subgraph, query, variables, { viewer, correlationId });
  }
  const freeViewer: Viewer = {
    userId: demoUserIds.free,
    sessionId: 'e2e-session',
    roles: ['LEARNER'],
    tier: 'FREE',
    kyc: 'NONE',
  };

  it('anonymous: the catalog, plans, instruments and certificate verification, but no signals', async () => {
    const open = await expectData<{
      courses: { totalCount: number };
      plans: unknown[];
      instruments: unknown[];
      verifyCertificate: { valid: boolean };
    }>(
      url,
      `{ courses { totalCount } plans { tier } instruments { symbol }
         verifyCertificate(code: "NOPE-0000") { valid } }`,
    );
    expect(open.courses.totalCount).toBeGreaterThan(0);
    expect(open.plans.length).toBeGreaterThan(0);
    expect(open.verifyCertificate.valid).toBe(false);

    for (const query of ['{ signals { edges { node { id } } } }', '{ signal(id: "x") { id } }']) {
      const refused = await postGraphQL(url, query);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const signedIn = await postGraphQL(
      url,
      '{ signals { edges { node { id } } } }',
      {},
      await login('free@demo.test'),
    );
    expect(signedIn.errors).toBeUndefined();
  });

  it("refuses another user's portfolio through a query and through an _entities representation", async () => {
    const owner = await expectData<{ me: { portfolio: { id: string } } }>(
      url,
      '{ me { portfolio { id } } }',
      {},
      await login('premium@demo.test'),
    );
    const portfolioId = owner.me.portfolio.id;

    const byQuery = await postGraphQL<{ user: unknown }>(
      url,
      'query($id: ID!) { user(id: $id) { id portfolio { id } } }',
      { id: demoUserIds.premium },
      await login('free@demo.test'),
    );
    expect(byQuery.data?.user ?? null).toBeNull();
    // Another user's data answers NOT_FOUND, like a missing id (platform/auth/access).
    expect(byQuery.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const entities = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Portfolio { id cash { amount } } ... on User { id portfolio { id } } } }`;
    for (const representation of [
      { __typename: 'Portfolio', id: portfolioId },
      { __typename: 'User', id: demoUserIds.premium },
    ]) {
      const refused = await postGraphQL(
        stack.subgraphUrls.trading,
        entities,
        { r: [representation] },
        signed(
          'trading',
          entities,
          { r: [representation] },
          freeViewer,
          `e2e-entities-${representation.__typename}`,
        ),
      );
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(JSON.stringify(refused.data)).not.toContain('"cash"');
    }
    // The owner gets it: __resolveReference still runs under shield.
    const own = await expectData<{ _entities: { id: string; cash: { amount: string } }[] }>(
      stack.subgraphUrls.trading,
      entities,
      { r: [{ __typename: 'Portfolio', id: portfolioId }] },
      signed(
        'trading',
        entities,
        { r: [{ __typename: 'Portfolio', id: portfolioId }] },
        { ...freeViewer, userId: demoUserIds.premium },
        'e2e-entities-owner',
      ),
    );
    expect(own._entities[0]).toMatchObject({ id: portfolioId, cash: { amount: expect.any(String) } });
  });

  it('answers _service and _entities on every subgraph to the gateway, shield applied', async () => {
    const admin: Viewer = { ...freeViewer, userId: demoUserIds.admin, roles: ['ADMIN'], tier: 'ENTERPRISE' };
    const query =
      'query($r: [_Any!]!) { _service { sdl } _entities(representations: $r) { ... on User { id } } }';
    const variables = { r: [{ __typename: 'User', id: demoUserIds.free }] };
    for (const [name, subgraphUrl] of Object.entries(stack.subgraphUrls)) {
      const result = await expectData<{ _service: { sdl: string }; _entities: { id: string }[] }>(
        subgraphUrl,
        query,
        variables,
        signed(name, query, variables, admin, `e2e-federation-${name}`),
      );
      expect(result._service.sdl).toContain('type Query');
      expect(result._entities).toEqual([{ id: demoUserIds.free }]);
    }
  });
});
