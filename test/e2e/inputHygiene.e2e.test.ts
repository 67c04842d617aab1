import { randomUUID } from 'node:crypto';
import { seed } from '../../prisma/seed';
import { planIds } from '../../prisma/seed/data';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { loginHeaders, postGraphQL, type GraphQLResponse } from '../support/graphqlClient';
import { startTestStack, type TestStack } from '../support/testStack';

/**
 * Issue 16, hole 4, through the gateway: the inputs an attacker's run turned into
 * INTERNAL_SERVER_ERROR (or accepted) are BAD_USER_INPUT naming the field, and nothing is written.
 */
let db: TestDatabase;
let stack: TestStack;
let url: string;
let analyst: Record<string, string>;
let admin: Record<string, string>;
let premium: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase();
  await seed(db.prisma, { demoAccounts: true });
  stack = await startTestStack(db, 'e2e-input-hygiene');
  url = stack.gatewayUrl;
  analyst = await loginHeaders(url, 'analyst@demo.test');
  admin = await loginHeaders(url, 'admin@demo.test');
  premium = await loginHeaders(url, 'premium@demo.test');
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await stack?.infra.bus.stop();
  await db?.drop();
});

/** The one error of a refused request, with the HTTP status it came with. */
function refusal(result: GraphQLResponse<unknown>) {
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  return {
    status: result.status,
    code: error!.extensions?.code,
    field: (error!.extensions as { field?: string }).field,
  };
}

it('refuses a NUL byte in register.name and creates no account', async () => {
  const email = `nul-${randomUUID()}@example.com`;
  const result = await postGraphQL(
    url,
    'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
    {
      input: { email, password: 'Correct-Horse-Battery-9', name: 'Mallory\u0000' },
    },
  );
  expect(refusal(result)).toEqual({ status: 400, code: 'BAD_USER_INPUT', field: 'name' });
  expect(await db.prisma.user.count({ where: { emailNormalized: email } })).toBe(0);
});

it('refuses entryPrice "600a" and an expiresAt of year 275761 on publishSignal, publishing nothing', async () => {
  const before = await db.prisma.signal.count();
  const publish = (input: Record<string, unknown>) =>
    postGraphQL(
      url,
      'mutation($input: PublishSignalInput!) { publishSignal(input: $input) { id } }',
      {
        input: {
          symbol: 'BTC-USDT',
          side: 'BUY',
          entryPrice: '100',
          targetPrice: '110',
          stopLoss: '95',
          confidence: 60,
          ...input,
        },
      },
      analyst,
    );
  expect(refusal(await publish({ entryPrice: '600a' }))).toEqual({
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'entryPrice',
  });
  expect(refusal(await publish({ expiresAt: '275761-01-01T00:00:00Z' }))).toEqual({
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'expiresAt',
  });
  expect(refusal(await publish({ rationale: 'pump\u0000' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
  expect(await db.prisma.signal.count()).toBe(before);
});

it.each([
  ['signalAnalytics', '{ signalAnalytics(from: "not-a-date", to: "2026-01-01T00:00:00Z") { __typename } }'],
  [
    'learningAnalytics',
    '{ learningAnalytics(from: "2026-01-01T00:00:00Z", to: "2026-02-30") { __typename } }',
  ],
  ['tradingAnalytics', '{ tradingAnalytics(from: "yesterday", to: "2026-01-01T00:00:00Z") { __typename } }'],
  [
    'backtest',
    '{ backtest(input: { symbol: "BTC-USDT", strategy: RSI_MEAN_REVERSION, from: "soon" }) { __typename } }',
  ],
])('answers an invalid DateTime literal in %s with BAD_USER_INPUT, not INTERNAL', async (_name, query) => {
  const result = await postGraphQL(url, query, {}, admin);
  expect(refusal(result)).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
});

it('refuses placeOfSupply "ZZ" on createOrder and accepts a GST state code', async () => {
  const order = (placeOfSupply: string) =>
    postGraphQL<{ createOrder: { id: string } }>(
      url,
      'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id } }',
      { input: { planId: planIds.PREMIUM, idempotencyKey: `key-${randomUUID()}`, placeOfSupply } },
      premium,
    );
  const before = await db.prisma.paymentOrder.count();
  expect(refusal(await order('ZZ'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'placeOfSupply' });
  expect(await db.prisma.paymentOrder.count()).toBe(before);
  const accepted = await order('29');
  expect(accepted.errors).toBeUndefined();
  const stored = await db.prisma.paymentOrder.findUniqueOrThrow({
    where: { id: accepted.data!.createOrder.id },
  });
  expect(stored.placeOfSupply).toBe('KA');
});
