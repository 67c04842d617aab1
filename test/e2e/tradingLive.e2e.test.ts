import { marketTickEnvelope } from '../../platform/events/marketTick';
import { randomUUID } from 'node:crypto';
import { type Stack } from '../../gateway/stack';
import { type LiveUserEvent, type MarketTickPayload } from '../../platform/events/topics';
import { Prisma } from '../../platform/prisma';
import { createRedis } from '../../platform/redis';
import { demoUserIds } from '../../prisma/seed/data';
import { instrumentIds } from '../../prisma/seed/market';
import { createBinanceCompatibleServer, type BinanceCompatibleServer } from '../../emulators/binance';
import { createSeededTestDatabase, type TestDatabase } from '../support/database';
import { eventually, redisUrl } from '../support/env';
import { startTestStack } from '../support/testStack';
import { expectData, loginHeaders, postGraphQL } from '../support/graphqlClient';

// Through the gateway: a live order on our Binance-compatible server (CCXT in the trading subgraph),
// its live events on the user channel, the position query that resolves them, and tradingAnalytics.
describe('trading live exchange, live events and analytics end to end', () => {
  let db: TestDatabase;
  let stack: Stack;
  let exchange: BinanceCompatibleServer;
  let url: string;
  const channel = `test.e2e.live.user.${randomUUID().slice(0, 8)}`;
  const listener = createRedis(redisUrl);
  const received: LiveUserEvent[] = [];
  const credentials = { apiKey: 'e2e-binance-key-01', apiSecret: 'e2e-binance-secret-01' };

  beforeAll(async () => {
    exchange = createBinanceCompatibleServer({ apiKey: credentials.apiKey, secret: credentials.apiSecret });
    const exchangeUrl = await exchange.start();
    exchange.book.setPrice('BTCUSDT', '50000');
    exchange.book.balances.set('USDT', new Prisma.Decimal(100_000));
    await listener.connect();
    await listener.subscribe(channel);
    listener.on('message', (_channel: string, message: string) => received.push(JSON.parse(message)));
    db = await createSeededTestDatabase();
    stack = await startTestStack(db, 'e2e-trading-live', {
      liveChannels: { user: channel },
      trading: { LIVE_EXCHANGE_API_URLS: { binance: exchangeUrl }, LIVE_SYNC_INTERVAL_MS: 0 },
    });
    url = stack.gatewayUrl;
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await stack?.infra.bus.stop();
    listener.disconnect();
    await exchange?.stop();
    await db?.drop();
  });

  const login = (email: string) => loginHeaders(url, email);

  it('places a live order through CCXT, publishes its updates, and resolves the position for its owner', async () => {
    const premium = await login('premium@demo.test'); // KYC verified in the demo data
    const { connectExchangeAccount } = await expectData<{ connectExchangeAccount: { id: string } }>(
      url,
      `mutation($input: ConnectExchangeAccountInput!) { connectExchangeAccount(input: $input) { id } }`,
      { input: { exchange: 'binance', label: 'e2e', ...credentials } },
      premium,
    );
    const HOLDINGS = `{ me { portfolio { positions { symbol quantity averagePrice unrealizedPnl } value { amount } } }
      exchangeAccounts { id positions { symbol quantity averagePrice instrument { id symbol } }
        positionsValue { amount currency } } }`;
    const paperBefore = (await expectData<{ me: unknown }>(url, HOLDINGS, {}, premium)).me;
    // The market feed names the symbol's instrument (the seeded one): live fills are kept under it.
    const tick: MarketTickPayload = {
      instrumentId: instrumentIds['BTC-USDT'],
      symbol: 'BTC-USDT',
      price: '50000',
      bid: null,
      ask: null,
      at: new Date().toISOString(),
    };
    await stack.infra.bus.publish([marketTickEnvelope(tick)]);
    type Placed = {
      placeOrder: {
        id: string;
        status: string;
        reason: string | null;
        filledQuantity: string;
        exchangeAccount: { id: string };
      };
    };
    // Until trading has consumed the tick, each attempt is refused (stored, never sent); then one is placed.
    const placeOrder = await eventually(
      async () => {
        const input = {
          symbol: 'BTC-USDT',
          side: 'BUY',
          type: 'LIMIT',
          quantity: '0.010004', // rounded down to the exchange's 0.00001 lot size before it is sent
          limitPrice: '50000',
          clientOrderId: randomUUID(),
          exchangeAccountId: connectExchangeAccount.id,
        };
        const placed = await expectData<Placed>(
          url,
          `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status reason quantity filledQuantity exchangeAccount { id } } }`,
          { input },
          premium,
        );
        if (placed.placeOrder.reason === 'No market price for BTC-USDT yet: no tick has arrived')
          return undefined;
        return placed.placeOrder;
      },
      30_000,
      'a live order placed once the tick arrived',
    );
    expect(placeOrder).toMatchObject({ status: 'FILLED', quantity: '0.01', filledQuantity: '0.01' });
    // The live holding is the exchange account's; the paper portfolio (positions and value) is unchanged.
    const after = await expectData<{ me: unknown; exchangeAccounts: unknown }>(url, HOLDINGS, {}, premium);
    expect(after.me).toEqual(paperBefore);
    expect(after.exchangeAccounts).toEqual([
      {
        id: connectExchangeAccount.id,
        // Position.instrument resolves through the supergraph (signals owns Instrument): the real one.
        positions: [
          {
            symbol: 'BTC-USDT',
            quantity: '0.01',
            averagePrice: '50000',
            instrument: { id: instrumentIds['BTC-USDT'], symbol: 'BTC-USDT' },
          },
        ],
        positionsValue: { amount: '42500.00', currency: 'INR' },
      },
    ]);
    expect(exchange.book.orders.filter((o) => o.clientOrderId === placeOrder.id)).toHaveLength(1);

    const mine = () => received.filter((e) => e.userId === demoUserIds.premium);
    const positionEvent = await eventually(
      async () => mine().find((e) => e.field === 'positionUpdated'),
      30_000,
      'positionUpdated on the live channel',
    );
    expect(
      mine()
        .filter((e) => e.field === 'orderUpdated')
        .map((e) => e.id),
    ).toContain(placeOrder.id);
    const POSITION = `query($id: ID!) { position(id: $id) { symbol quantity averagePrice } }`;
    expect(await expectData(url, POSITION, { id: positionEvent.id }, premium)).toEqual({
      position: { symbol: 'BTC-USDT', quantity: '0.01', averagePrice: '50000' },
    });
    const stranger = await postGraphQL(
      url,
      POSITION,
      { id: positionEvent.id },
      await login('enterprise@demo.test'),
    );
    expect(stranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }, 90_000);

  it('serves tradingAnalytics over the seeded history to ADMIN only', async () => {
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const from = new Date(Date.now() - 35 * 86_400_000).toISOString();
    const QUERY = `query($from: DateTime!, $to: DateTime!) { tradingAnalytics(from: $from, to: $to) {
      volumeByDay { day notional orders fills } activeTraders pnlDistribution { lowerBound upperBound users } } }`;
    const data = await expectData<{
      tradingAnalytics: {
        volumeByDay: { day: string }[];
        activeTraders: number;
        pnlDistribution: { users: number }[];
      };
    }>(url, QUERY, { from, to }, await login('admin@demo.test'));
    expect(data.tradingAnalytics.volumeByDay.length).toBeGreaterThan(10);
    expect(data.tradingAnalytics.activeTraders).toBeGreaterThanOrEqual(10);
    expect(data.tradingAnalytics.pnlDistribution.reduce((sum, b) => sum + b.users, 0)).toBeGreaterThanOrEqual(
      10,
    );
    const denied = await postGraphQL(url, QUERY, { from, to }, await login('premium@demo.test'));
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }, 60_000);
});
