import { marketTickEnvelope } from '../../platform/events/marketTick';
import { randomUUID } from 'node:crypto';
import { type Stack } from '../../gateway/stack';
import { type MarketTickPayload } from '../../platform/events/topics';
import { createSeededTestDatabase, type TestDatabase } from '../support/database';
import { eventually } from '../support/env';
import { startTestStack } from '../support/testStack';
import { expectData, loginHeaders, postGraphQL } from '../support/graphqlClient';

// Trading through the gateway: the whole stack on ephemeral ports, market ticks on the real Kafka.
describe('trading end to end', () => {
  let db: TestDatabase;
  let stack: Stack;
  let url: string;
  const symbol = `E${randomUUID().slice(0, 8).toUpperCase()}-USDT`;

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    stack = await startTestStack(db, 'e2e-trading', {});
    url = stack.gatewayUrl;
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await stack?.infra.bus.stop();
    await db?.drop();
  });

  const login = (email: string) => loginHeaders(url, email);

  const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status reason averageFillPrice } }`;
  type Placed = {
    placeOrder: { id: string; status: string; reason: string | null; averageFillPrice: string | null };
  };

  it('fills a paper market order at the tick published on Kafka, and shows the position marked to it', async () => {
    const headers = await login('premium@demo.test');
    const first = await expectData<Placed>(
      url,
      PLACE,
      {
        input: { symbol, side: 'BUY', type: 'MARKET', quantity: '3', clientOrderId: randomUUID() },
      },
      headers,
    );
    expect(first.placeOrder).toMatchObject({
      status: 'REJECTED',
      reason: `No market price for ${symbol} yet: no tick has arrived`,
    });

    const instrumentId = randomUUID();
    const tick: MarketTickPayload = {
      instrumentId,
      symbol,
      price: '25',
      bid: null,
      ask: null,
      at: new Date().toISOString(),
    };
    await stack.infra.bus.publish([marketTickEnvelope(tick)]);
    // Until the tick has been consumed, each attempt is rejected (and stored so); then one fills.
    const filled = await eventually(
      async () => {
        const placed = await expectData<Placed>(
          url,
          PLACE,
          {
            input: { symbol, side: 'BUY', type: 'MARKET', quantity: '3', clientOrderId: randomUUID() },
          },
          headers,
        );
        return placed.placeOrder.status === 'FILLED' ? placed.placeOrder : undefined;
      },
      30_000,
      'a filled market order',
    );
    expect(filled.averageFillPrice).toBe('25');

    const me = await expectData<{
      me: {
        portfolio: {
          cash: { amount: string };
          value: { amount: string };
          positions: Record<string, string>[];
        };
      };
    }>(
      url,
      `{ me { portfolio { cash { amount } value { amount } positions { symbol quantity averagePrice unrealizedPnl } } } }`,
      {},
      headers,
    );
    // 3 × 25 USDT × ₹85 = ₹6,375.
    expect(me.me.portfolio).toEqual({
      cash: { amount: '993625.00' },
      value: { amount: '1000000.00' },
      positions: [{ symbol, quantity: '3', averagePrice: '25', unrealizedPnl: '0' }],
    });

    const page = await expectData<{ orders: { edges: { node: { id: string; status: string } }[] } }>(
      url,
      `{ orders(first: 1, filter: { status: [FILLED] }) { edges { node { id status } } } }`,
      {},
      headers,
    );
    expect(page.orders.edges).toEqual([{ node: { id: filled.id, status: 'FILLED' } }]);
  }, 60_000);

  it('refuses anonymous orders, keeps follows to paying tiers, and never returns an API secret', async () => {
    const anonymous = await postGraphQL(url, PLACE, {
      input: { symbol, side: 'BUY', type: 'MARKET', quantity: '1', clientOrderId: 'anon' },
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const free = await login('free@demo.test');
    const FOLLOW = `mutation($sourceId: ID!) { followSignalSource(input: { sourceId: $sourceId, sizing: FIXED_QUANTITY, sizingValue: "1" }) { id source } }`;
    const sources = await postGraphQL<{ signalSources: { id: string; kind: string; name: string }[] }>(
      url,
      '{ signalSources { id kind name } }',
      {},
      free,
    );
    const macd = sources.data!.signalSources.find((s) => s.name === 'macd-crossover')!;
    const follow = await postGraphQL(url, FOLLOW, { sourceId: macd.id }, free);
    expect(follow.errors?.[0]?.extensions?.code).toBe('PAYMENT_REQUIRED');

    const premium = await login('premium@demo.test');
    // The names signalSources shows are not ids; the id of a listed source is what it takes.
    const byName = await postGraphQL(url, FOLLOW, { sourceId: 'macd-crossover' }, premium);
    expect(byName.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sourceId' });
    const followed = await postGraphQL<{ followSignalSource: { id: string; source: string } }>(
      url,
      FOLLOW,
      { sourceId: macd.id },
      premium,
    );
    expect(followed.data?.followSignalSource.source).toBe('macd-crossover');
    const secret = `e2e-secret-${randomUUID()}`;
    const connected = await postGraphQL(
      url,
      `mutation($input: ConnectExchangeAccountInput!) { connectExchangeAccount(input: $input) { id apiKeyLast4 status } }`,
      { input: { exchange: 'binance', label: 'e2e', apiKey: 'E2E-KEY-ABCD', apiSecret: secret } },
      premium,
    );
    expect(connected.data).toEqual({
      connectExchangeAccount: { id: expect.any(String), apiKeyLast4: 'ABCD', status: 'CONNECTED' },
    });
    expect(JSON.stringify(connected)).not.toContain(secret);
  });
});
