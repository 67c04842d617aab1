import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { demoUserIds } from '../../prisma/seed/data';
import { eventually } from '../support/env';
import { startLiveHarness, type LiveHarness } from './liveHarness';

// Per-user live fields (orderUpdated, priceAlertTriggered) and re-authentication over the socket, through
// the gateway with real Kafka, Redis, PostgreSQL and WebSocket clients.
const ORDERS = 'subscription { orderUpdated { id clientOrderId status symbol } }';
const ALERTS = 'subscription { priceAlertTriggered { id price status instrument { symbol } } }';
const POSITIONS = 'subscription { positionUpdated { id symbol quantity } }';
type Position = { positionUpdated: { id: string; symbol: string; quantity: string } };
type Order = { orderUpdated: { id: string; clientOrderId: string; status: string; symbol: string } };
type Alert = { priceAlertTriggered: { id: string; price: string; instrument: { symbol: string } } };

/** A raw graphql-transport-ws socket: the re-authentication ping is a protocol message of its own. */
async function rawSocket(url: string, token: string) {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const messages: { type: string; payload?: Record<string, unknown> }[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on('message', (data) => void messages.push(JSON.parse(String(data))));
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await eventually(async () => messages.find((m) => m.type === 'connection_ack'), 10_000, 'ack');
  let closedWith: { code: number; reason: string } | undefined;
  void closed.then((value) => (closedWith = value));
  return {
    messages,
    closed: () => closedWith,
    reauthenticate: (accessToken: string) =>
      socket.send(JSON.stringify({ type: 'ping', payload: { accessToken } })),
  };
}

describe('per-user live fields and re-authentication', () => {
  let live: LiveHarness;

  beforeAll(async () => {
    live = await startLiveHarness('user');
  }, 180_000);

  afterAll(async () => {
    await live?.stop();
  });

  it("delivers an order's update to its owner's sockets only, resolved as the owner", async () => {
    const ownerTabs = [live.connect(live.tokens.premium), live.connect(live.tokens.premium)].map((c) =>
      c.subscribe<Order>(ORDERS),
    );
    const other = live.connect(live.tokens.enterprise).subscribe<Order>(ORDERS);
    await live.waitForSubscribers(3);
    const clientOrderId = `live-${randomUUID().slice(0, 8)}`;
    const { placeOrder } = await live.graphql<{ placeOrder: { id: string; status: string } }>(
      'premium',
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status } }`,
      {
        input: {
          symbol: 'BTC-USDT',
          side: 'BUY',
          type: 'LIMIT',
          quantity: '0.01',
          limitPrice: '1000',
          clientOrderId,
        },
      },
    );
    // trading: the order commits with its outbox event → Kafka → trading's live fan-out → Redis → gateway.
    for (const tab of ownerTabs) {
      await eventually(async () => tab.messages[0], 10_000, 'the order update');
      expect(tab.messages[0]!.errors).toBeUndefined();
      expect(tab.messages[0]!.data?.orderUpdated).toEqual({
        id: placeOrder.id,
        clientOrderId,
        status: placeOrder.status,
        symbol: 'BTC-USDT',
      });
    }
    // Sentinel: the other user's own order. The gateway routes each user-channel message synchronously,
    // in order, and the owner's event was routed before this order even committed.
    const sentinel = await live.graphql<{ placeOrder: { id: string } }>(
      'enterprise',
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`,
      {
        input: {
          symbol: 'BTC-USDT',
          side: 'BUY',
          type: 'LIMIT',
          quantity: '0.01',
          limitPrice: '1000',
          clientOrderId: `live-${randomUUID().slice(0, 8)}`,
        },
      },
    );
    await eventually(async () => other.messages[0], 10_000, "the other user's own order");
    expect(other.messages.map((m) => m.data?.orderUpdated.id)).toEqual([sentinel.placeOrder.id]);
  });

  it("delivers a position's update to its owner, resolved through position(id:)", async () => {
    const owner = live.connect(live.tokens.premium).subscribe<Position>(POSITIONS);
    const other = live.connect(live.tokens.enterprise).subscribe<Position>(POSITIONS);
    const before = live.stack.gateway.live.hub.stats().subscribers;
    await live.waitForSubscribers(before + 2);
    // A tick on Kafka market.ticks prices the paper exchange's market orders; the fill commits a position
    // change that trading's live fan-out announces.
    await eventually(
      async () => {
        await live.produceMarketTick('ETH-USDT', '3000');
        const { placeOrder } = await live.graphql<{ placeOrder: { status: string } }>(
          'premium',
          `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { status } }`,
          {
            input: {
              symbol: 'ETH-USDT',
              side: 'BUY',
              type: 'MARKET',
              quantity: '0.5',
              clientOrderId: randomUUID(),
            },
          },
        );
        return placeOrder.status === 'FILLED' ? true : undefined;
      },
      20_000,
      'a filled market order',
    );
    const { myPortfolio } = await live.graphql<{
      myPortfolio: { positions: { id: string; symbol: string }[] };
    }>('premium', '{ myPortfolio { positions { id symbol } } }');
    const position = myPortfolio.positions.find((p) => p.symbol === 'ETH-USDT')!;
    await eventually(async () => owner.messages[0], 10_000, 'the position update');
    expect(owner.messages[0]!.data?.positionUpdated).toEqual({
      id: position.id,
      symbol: 'ETH-USDT',
      quantity: '0.5',
    });
    // Sentinel: the other user's own fill. The gateway routes each user-channel message synchronously,
    // in order, and the owner's event was routed before this fill even committed.
    const fill = await live.graphql<{ placeOrder: { status: string } }>(
      'enterprise',
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { status } }`,
      {
        input: {
          symbol: 'ETH-USDT',
          side: 'BUY',
          type: 'MARKET',
          quantity: '0.1',
          clientOrderId: randomUUID(),
        },
      },
    );
    expect(fill.placeOrder.status).toBe('FILLED');
    await eventually(async () => other.messages[0], 10_000, "the other user's own position");
    expect(other.messages.map((m) => m.data?.positionUpdated)).toEqual([
      { id: expect.any(String), symbol: 'ETH-USDT', quantity: '0.1' },
    ]);
  });

  it('delivers a triggered price alert to its owner only', async () => {
    const owner = live.connect(live.tokens.enterprise).subscribe<Alert>(ALERTS);
    const other = live.connect(live.tokens.free).subscribe<Alert>(ALERTS);
    const before = live.stack.gateway.live.hub.stats().subscribers;
    await live.waitForSubscribers(before + 2);
    const { createPriceAlert } = await live.graphql<{ createPriceAlert: { id: string } }>(
      'enterprise',
      `mutation($input: CreatePriceAlertInput!) { createPriceAlert(input: $input) { id } }`,
      { input: { symbol: 'ETH-USDT', direction: 'ABOVE', price: '3500' } },
    );
    // An event naming someone else's alert (a bug elsewhere) resolves to nothing for the free user: not sent.
    await live.publishUserEvent({
      field: 'priceAlertTriggered',
      userId: demoUserIds.free,
      id: createPriceAlert.id,
      at: new Date().toISOString(),
    });
    // signals: the tick crosses the alert → outbox → Kafka → signals fan-out → the user channel.
    await live.produceMarketTick('ETH-USDT', '3600');
    await eventually(async () => owner.messages[0], 15_000, 'the alert');
    expect(owner.messages[0]!.data?.priceAlertTriggered).toMatchObject({
      id: createPriceAlert.id,
      status: 'TRIGGERED',
      instrument: { symbol: 'ETH-USDT' },
    });
    // Sentinel: the free user's own alert, crossed by a later tick. It reaches the free user's group on the
    // same user channel after the forged event, and the gateway handles that channel in order.
    const { createPriceAlert: own } = await live.graphql<{ createPriceAlert: { id: string } }>(
      'free',
      `mutation($input: CreatePriceAlertInput!) { createPriceAlert(input: $input) { id } }`,
      { input: { symbol: 'ETH-USDT', direction: 'ABOVE', price: '3650' } },
    );
    await live.produceMarketTick('ETH-USDT', '3700');
    await eventually(async () => other.messages[0], 15_000, "the free user's own alert");
    expect(other.messages.map((m) => m.data?.priceAlertTriggered.id)).toEqual([own.id]);
  });

  it('keeps a socket open past its first token when the client re-authenticates, then closes it 4401', async () => {
    const socket = await rawSocket(live.stack.gatewayUrl, await live.tokenFor(demoUserIds.premium, 2));
    socket.reauthenticate(await live.tokenFor(demoUserIds.premium, 5));
    const pong = await eventually(async () => socket.messages.find((m) => m.type === 'pong'), 5_000, 'pong');
    expect(pong.payload).toEqual({ reauthenticated: true, expiresAt: expect.any(String) });
    // A time wait is the behaviour under test: the socket must outlive its first token (2 s, the
    // shortest whole-second expiry that leaves time to connect and re-authenticate).
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(socket.closed()).toBeUndefined();
    await eventually(async () => socket.closed(), 10_000, 'close at the new expiry');
    expect(socket.closed()).toEqual({ code: 4401, reason: 'Access token expired' });
  });

  it("refuses another user's or an invalid token, and the socket closes at the first token's expiry", async () => {
    const socket = await rawSocket(live.stack.gatewayUrl, await live.tokenFor(demoUserIds.premium, 4));
    socket.reauthenticate(await live.tokenFor(demoUserIds.enterprise, 60));
    socket.reauthenticate('not-a-jwt');
    await eventually(
      async () => (socket.messages.filter((m) => m.type === 'pong').length === 2 ? true : undefined),
      5_000,
      'two pongs',
    );
    for (const pong of socket.messages.filter((m) => m.type === 'pong')) {
      expect(pong.payload).toEqual({ reauthenticated: false });
    }
    await eventually(async () => socket.closed(), 10_000, 'close at expiry');
    expect(socket.closed()).toEqual({ code: 4401, reason: 'Access token expired' });
  });
});
