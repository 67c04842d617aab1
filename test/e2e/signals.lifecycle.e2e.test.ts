import { marketTickEnvelope } from '../../platform/events/marketTick';
import { randomUUID } from 'node:crypto';
import { type Stack } from '../../gateway/stack';
import { type LiveTickEvent, type MarketTickPayload } from '../../platform/events/topics';
import { createLivePubSub, type LivePubSub } from '../../platform/pubsub';
import { DEMO_ANALYST_NAME, DEMO_PASSWORD, demoUserIds, instrumentIds } from '../../prisma/seed/data';
import { createSeededTestDatabase, type TestDatabase } from '../support/database';
import { eventually, redisUrl } from '../support/env';
import { startTestStack } from '../support/testStack';
import { expectData, postGraphQL } from '../support/graphqlClient';
import { liveClient, type LiveClient } from '../support/liveSignalsClient';

// The signal lifecycle end to end: a tick on Kafka market.ticks closes a signal and triggers an alert;
// the closes travel outbox → Kafka → fan-out → Redis → gateway → graphql-ws subscribers.
describe('signal lifecycle through the gateway', () => {
  let db: TestDatabase;
  let stack: Stack;
  let listener: LivePubSub;
  const clients: LiveClient[] = [];
  const tokens: Record<string, string> = {};
  const suffix = randomUUID();
  const channels = {
    signals: `live.signals.lc.${suffix}`,
    user: `live.user.lc.${suffix}`,
    ticks: `live.ticks.lc.${suffix}`,
  };
  const ticksHeard: LiveTickEvent[] = [];

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    stack = await startTestStack(db, 'e2e-signals-lifecycle', {
      liveChannels: { user: channels.user, ticks: channels.ticks },
      signals: { fanoutGroupId: `signals-fanout-lc-${suffix}`, liveChannel: channels.signals },
    });
    listener = createLivePubSub(redisUrl);
    await listener.engine.subscribe(channels.ticks, (event: LiveTickEvent) => ticksHeard.push(event), {});
    for (const key of ['premium', 'analyst', 'admin'] as const) {
      const data = await expectData<{ login: { accessToken: string } }>(
        stack.gatewayUrl,
        `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
        { input: { email: `${key}@demo.test`, password: DEMO_PASSWORD } },
      );
      tokens[key] = data.login.accessToken;
    }
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await listener?.close();
    await stack?.stop();
    await stack?.infra.bus.stop();
    await db?.drop();
  });

  const as = (key: string) => ({ authorization: `Bearer ${tokens[key]}` });
  const connect = (key: string) => {
    const client = liveClient(stack.gatewayUrl, tokens[key]);
    clients.push(client);
    return client;
  };
  const tick = (price: string) => {
    const at = new Date().toISOString();
    const payload: MarketTickPayload = {
      instrumentId: instrumentIds['BTC-USDT'],
      symbol: 'BTC-USDT',
      price,
      bid: null,
      ask: null,
      at,
    };
    return stack.infra.bus.publish([marketTickEnvelope(payload)]);
  };

  it('closes a signal at its target, triggers an alert once, and delivers both live', async () => {
    const before = stack.gateway.live.hub.stats().subscribers;
    const updated = connect('premium').subscribe<{
      signalUpdated: { id: string; status: string; realizedReturn: number };
    }>('subscription { signalUpdated(symbols: ["BTC-USDT"]) { id status realizedReturn } }');
    const alerted = connect('premium').subscribe<{
      priceAlertTriggered: { id: string; status: string; triggeredPrice: string };
    }>('subscription { priceAlertTriggered { id status triggeredPrice } }');
    const { publishSignal } = await expectData<{ publishSignal: { id: string } }>(
      stack.gatewayUrl,
      `mutation($input: PublishSignalInput!) { publishSignal(input: $input) { id } }`,
      {
        input: {
          symbol: 'BTC-USDT',
          side: 'BUY',
          entryPrice: '500000.00',
          targetPrice: '510000.00',
          stopLoss: '1.00',
          confidence: 70,
          rationale: 'e2e',
        },
      },
      as('analyst'),
    );
    const { createPriceAlert } = await expectData<{ createPriceAlert: { id: string } }>(
      stack.gatewayUrl,
      `mutation($input: CreatePriceAlertInput!) { createPriceAlert(input: $input) { id status } }`,
      { input: { symbol: 'BTC-USDT', direction: 'ABOVE', price: '505000.00' } },
      as('premium'),
    );
    // The ticks must not overtake the subscriptions: wait until the gateway has both subscribers.
    await eventually(
      async () => (stack.gateway.live.hub.stats().subscribers >= before + 2 ? true : undefined),
      10_000,
      'both subscriptions at the gateway',
    );
    await tick('511000.00');
    await tick('512000.00');

    const query = `query($id: ID!, $alert: ID!) { signal(id: $id) { status closePrice realizedReturn source { kind name analyst { id } } }
      priceAlert(id: $alert) { status triggeredPrice } }`;
    const closed = await eventually(
      async () => {
        const data = await expectData<{ signal: { status: string }; priceAlert: { status: string } }>(
          stack.gatewayUrl,
          query,
          { id: publishSignal.id, alert: createPriceAlert.id },
          as('premium'),
        );
        // The signal's lifecycle and the price alerts are two consumers of the same ticks: either may
        // apply a tick first, so wait until both have moved before judging either.
        return data.signal.status === 'ACTIVE' || data.priceAlert.status === 'ACTIVE' ? undefined : data;
      },
      30_000,
      'signal closed and alert triggered',
    );
    expect(closed).toEqual({
      signal: {
        status: 'TARGET_HIT',
        closePrice: '511000',
        realizedReturn: expect.closeTo(11_000 / 500_000, 12),
        source: { kind: 'ANALYST', name: DEMO_ANALYST_NAME, analyst: { id: demoUserIds.analyst } },
      },
      priceAlert: { status: 'TRIGGERED', triggeredPrice: '511000' },
    });
    const mine = (m: { data?: { signalUpdated: { id: string } } | null }) =>
      m.data?.signalUpdated.id === publishSignal.id;
    await eventually(async () => updated.messages.find(mine), 20_000, 'signalUpdated');
    expect(updated.messages.find(mine)!.data!.signalUpdated).toEqual({
      id: publishSignal.id,
      status: 'TARGET_HIT',
      realizedReturn: expect.closeTo(0.022, 12),
    });
    await eventually(async () => alerted.messages[0], 20_000, 'priceAlertTriggered');
    // Sentinel: a second alert, crossed by a tick after 512000. Ticks of one instrument are consumed in
    // order and their alerts travel keyed by instrument, on one user channel and socket: a second
    // trigger of the first alert (by 512000) would have arrived before this one.
    const sentinel = await expectData<{ createPriceAlert: { id: string } }>(
      stack.gatewayUrl,
      `mutation($input: CreatePriceAlertInput!) { createPriceAlert(input: $input) { id status } }`,
      { input: { symbol: 'BTC-USDT', direction: 'ABOVE', price: '512500.00' } },
      as('premium'),
    );
    await tick('513000.00');
    const sentinelId = sentinel.createPriceAlert.id;
    await eventually(
      async () => alerted.messages.find((m) => m.data?.priceAlertTriggered.id === sentinelId),
      20_000,
      'the sentinel alert',
    );
    expect(alerted.messages.map((m) => m.data)).toEqual([
      { priceAlertTriggered: { id: createPriceAlert.id, status: 'TRIGGERED', triggeredPrice: '511000' } },
      { priceAlertTriggered: { id: sentinelId, status: 'TRIGGERED', triggeredPrice: '513000' } },
    ]);
    await eventually(async () => ticksHeard.find((t) => t.price === '512000.00'), 20_000, 'tick on Redis');
    expect(ticksHeard.find((t) => t.price === '512000.00')).toMatchObject({
      symbol: 'BTC-USDT',
      instrumentId: instrumentIds['BTC-USDT'],
    });
  }, 90_000);

  it('serves sources with performance, the connection and the analytics, admins and analysts only', async () => {
    const data = await expectData<{
      signalSources: { name: string; performance: { closedSignals: number } }[];
    }>(
      stack.gatewayUrl,
      '{ signalSources { name kind performance { closedSignals hitRate averageReturn sharpe maxDrawdown } } }',
      {},
      as('premium'),
    );
    // The strategies in code and the demo analyst.
    expect(data.signalSources.length).toBeGreaterThanOrEqual(4);
    expect(
      data.signalSources.find((s) => s.name === DEMO_ANALYST_NAME)!.performance.closedSignals,
    ).toBeGreaterThan(0);
    const page = await expectData<{ signals: { edges: { node: { status: string } }[] } }>(
      stack.gatewayUrl,
      '{ signals(last: 5, filter: { instruments: ["BTC-USDT"], status: [TARGET_HIT] }) { edges { node { status } } } }',
      {},
      as('premium'),
    );
    expect(page.signals.edges.length).toBeGreaterThan(0);
    expect(page.signals.edges.every((e) => e.node.status === 'TARGET_HIT')).toBe(true);
    const range = {
      from: new Date(Date.now() - 35 * 86_400_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    };
    const ANALYTICS = `query($from: DateTime!, $to: DateTime!) { signalAnalytics(from: $from, to: $to) {
      bySource { sourceName signals closed hitRate } byStrategy { strategy signals } } }`;
    const analytics = await expectData<{ signalAnalytics: { bySource: { signals: number }[] } }>(
      stack.gatewayUrl,
      ANALYTICS,
      range,
      as('admin'),
    );
    expect(analytics.signalAnalytics.bySource.reduce((n, s) => n + s.signals, 0)).toBeGreaterThan(30);
    const refused = await postGraphQL(stack.gatewayUrl, ANALYTICS, range, as('premium'));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
