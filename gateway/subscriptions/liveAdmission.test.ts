import { buildSchema, type GraphQLError } from 'graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { createMemoryRateLimiter } from '../limits/memoryRateLimiter';
import type { RateLimitPolicy } from '../limits/rateLimitPolicy';
import { createLiveAdmission } from './liveAdmission';

// The HTTP rules one graphql-ws subscribe message goes through (the socket side is in
// test/e2e/operationLimits.e2e.test.ts): codes of each refusal, cost, rate limits per subscribe.
const schema = buildSchema(`
  type Tick { price: String! history(first: Int): [Tick!]! }
  type Query { ok: Boolean }
  type Subscription { ticks(symbols: [String!]): Tick! }
`);
const viewer: Viewer = { userId: 'u1', sessionId: 's1', roles: [], tier: 'FREE' };
const request = (query: string) => ({
  payload: { query },
  schema,
  viewer,
  client: { ip: '10.0.0.1', userAgent: null },
});
const limits = { maxDepth: 4, maxAliases: 2, maxDirectives: 2, maxTokens: 60, production: true };
const policy: RateLimitPolicy = {
  tiers: { FREE: 2, PREMIUM: 10, ENTERPRISE: 100 },
  tierWindowMs: 60_000,
  auth: { limit: 10, windowMs: 60_000 },
  payments: { limit: 10, windowMs: 60_000 },
  heartbeats: { limit: 720, windowMs: 3_600_000 },
  costUnit: 1_000,
};

const codes = (result: unknown) =>
  Array.isArray(result) ? (result as GraphQLError[]).map((error) => error.extensions.code) : 'admitted';

describe('live admission', () => {
  const admit = createLiveAdmission({ limits, cost: { maxCost: 50, defaultListSize: 10 } });

  it('admits a document within the limits, with the document to run', async () => {
    const admitted = await admit(request('subscription { ticks { price } }'));
    expect(admitted).toMatchObject({ schema, operationName: undefined, document: { kind: 'Document' } });
  });

  it('refuses with the code HTTP gives the same document', async () => {
    expect(codes(await admit(request('subscription { ticks { price }')))).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(codes(await admit(request(`subscription { ticks { ${'price '.repeat(60)} } }`)))).toEqual([
      'GRAPHQL_PARSE_FAILED',
    ]);
    expect(codes(await admit(request('subscription { ticks { a: price b: price c: price } }')))).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
    ]);
    expect(
      codes(
        await admit(
          request('subscription { ticks { history { history { history { history { price } } } } } }'),
        ),
      ),
    ).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    // 1 + 10 × (1 + 10) = 111 objects: over the cost limit of 50.
    expect(codes(await admit(request('subscription { ticks { history { history { price } } } }')))).toEqual([
      'QUERY_TOO_COMPLEX',
    ]);
  });

  it('refuses a control character in an argument, literal or variable, as HTTP does', async () => {
    const literal = await admit(request('subscription { ticks(symbols: ["BTC\\u0000"]) { price } }'));
    expect(codes(literal)).toEqual(['BAD_USER_INPUT']);
    const variable = await admit({
      ...request('subscription($s: [String!]) { ticks(symbols: $s) { price } }'),
      payload: {
        query: 'subscription($s: [String!]) { ticks(symbols: $s) { price } }',
        variables: { s: ['ETH\u0007'] },
      },
    });
    expect(codes(variable)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await admit(request('subscription { ticks(symbols: ["BTC-USDT"]) { price } }')))).toBe(
      'admitted',
    );
  });

  it('gives no schema hints in production', async () => {
    const [error] = (await admit(request('subscription { ticks { pric } }'))) as GraphQLError[];
    expect(error?.message).toBe('Cannot query field "pric" on type "Tick".');
  });

  it('charges each subscribe against the caller’s rate limit', async () => {
    const limited = createLiveAdmission({
      limits,
      rateLimits: { limiter: createMemoryRateLimiter(), policy },
    });
    const query = 'subscription { ticks { price } }';
    expect(codes(await limited(request(query)))).toBe('admitted');
    expect(codes(await limited(request(query)))).toBe('admitted');
    const refused = await limited(request(query));
    expect(codes(refused)).toEqual(['RATE_LIMITED']);
    expect((refused as GraphQLError[])[0]?.extensions.retryAfterSeconds).toBeGreaterThan(0);
  });
});
