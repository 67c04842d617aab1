import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../platform/auth/viewer';
import type { EventBus, EventEnvelope } from '../../platform/events/envelope';
import {
  MarketTopics,
  Topics,
  type LiveUserEvent,
  type MarketTickPayload,
  type SignalPublishedPayload,
  type SignalSourceFields,
  type SubscriptionChangedPayload,
} from '../../platform/events/topics';
import { createLivePubSub, type LivePubSub } from '../../platform/pubsub';
import { createRedis } from '../../platform/redis';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { createTestKafkaBus, eventually, redisUrl, testLogger } from '../../test/support/env';
import { createTradingSubgraph } from './server';
import { viewer } from './testHarness';

// Real Kafka and Redis: committed order/position changes go outbox → Kafka → fan-out → the per-user
// live channel; billing's subscription.changed keeps trading's tier copy, which every signal re-checks.
describe('trading live updates and follower tiers on Kafka', () => {
  let db: TestDatabase;
  let bus: EventBus;
  let pubsub: LivePubSub;
  let subgraph: ReturnType<typeof createTradingSubgraph>;
  const listener = createRedis(redisUrl);
  const received: LiveUserEvent[] = [];
  const run = randomUUID().slice(0, 8).toUpperCase();
  const channel = `test.live.user.${run}`;
  const symbol = `L${run}-USDT`;
  const instrumentId = randomUUID();
  const strategy = `TIER_${run}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    bus = createTestKafkaBus(`trading-live-${run}`);
    await bus.start();
    pubsub = createLivePubSub(redisUrl);
    await listener.connect();
    await listener.subscribe(channel);
    listener.on('message', (_channel: string, message: string) => received.push(JSON.parse(message)));
    const infra = { prisma: db.prisma, bus, readiness: {}, start: async () => {}, stop: async () => {} };
    subgraph = createTradingSubgraph(
      { infra, logger: testLogger, gatewaySecret: 'x'.repeat(32), outboxPollMs: 50 },
      { consumerGroupSuffix: `.test-${run}`, livePubSub: pubsub, liveChannel: channel },
    );
    await subgraph.start(0, '127.0.0.1');
    await bus.publish([
      envelope<MarketTickPayload>(MarketTopics.ticks, 'MarketTick', instrumentId, tick('20')),
    ]);
    await eventually(async () => subgraph.services.ticks.latest(symbol) ?? undefined, 30_000, 'tick');
  }, 60_000);

  afterAll(async () => {
    await subgraph?.stop();
    await bus?.stop();
    await pubsub?.close();
    listener.disconnect();
    await db?.drop();
  });

  function envelope<P>(topic: string, type: string, key: string, payload: P): EventEnvelope<P> {
    return {
      id: randomUUID(),
      topic,
      key,
      type,
      payload,
      correlationId: null,
      occurredAt: new Date().toISOString(),
    };
  }
  function tick(price: string): MarketTickPayload {
    return { instrumentId, symbol, price, bid: null, ask: null, at: new Date().toISOString() };
  }
  async function execute<T>(query: string, variables: Record<string, unknown>, as: Viewer): Promise<T> {
    const response = await subgraph.server.apollo.executeOperation(
      { query, variables },
      { contextValue: subgraph.server.testContext(as) },
    );
    if (response.body.kind !== 'single' || response.body.singleResult.errors) {
      throw new Error(JSON.stringify(response.body));
    }
    return response.body.singleResult.data as T;
  }

  it('publishes orderUpdated and positionUpdated to the user channel after the commit', async () => {
    const trader = viewer('TRADER');
    const { placeOrder } = await execute<{ placeOrder: { id: string; status: string } }>(
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status } }`,
      { input: { symbol, side: 'BUY', type: 'MARKET', quantity: '2', clientOrderId: `live-${run}` } },
      trader,
    );
    expect(placeOrder.status).toBe('FILLED');
    const position = await db.prisma.position.findFirstOrThrow({ where: { symbol } });
    const mine = await eventually(
      async () => {
        const events = received.filter((event) => event.userId === trader.userId);
        return events.some((event) => event.field === 'positionUpdated') && events.length >= 3
          ? events
          : undefined;
      },
      30_000,
      'live events on Redis',
    );
    // ACCEPTED and FILLED (each committed change), then the position the fill moved, in commit order.
    expect(mine).toEqual([
      { field: 'orderUpdated', userId: trader.userId, id: placeOrder.id, at: expect.any(String) },
      { field: 'orderUpdated', userId: trader.userId, id: placeOrder.id, at: expect.any(String) },
      { field: 'positionUpdated', userId: trader.userId, id: position.id, at: expect.any(String) },
    ]);
    // What the gateway resolves each event with: the owner's own position; nobody else's.
    const read = `query($id: ID!) { position(id: $id) { id symbol quantity } }`;
    expect(await execute(read, { id: position.id }, trader)).toEqual({
      position: { id: position.id, symbol, quantity: '2' },
    });
    await expect(execute(read, { id: position.id }, viewer('TRADER'))).rejects.toThrow(/NOT_FOUND/);
  }, 60_000);

  it("re-checks the follower's tier on every signal: after a downgrade to FREE, no copy, and why", async () => {
    const follower: Viewer = { ...viewer('TRADER'), tier: 'PREMIUM' };
    const { followSignalSource } = await execute<{ followSignalSource: { id: string } }>(
      `mutation($input: FollowSignalSourceInput!) { followSignalSource(input: $input) { id } }`,
      {
        input: {
          // The strategy's source as the seed (or its first SignalPublished) gives trading.
          sourceId: (
            await db.prisma.tradingSignalSource.create({
              data: { id: randomUUID(), kind: 'STRATEGY', key: strategy },
            })
          ).id,
          sizing: 'FIXED_QUANTITY',
          sizingValue: '1',
        },
      },
      follower,
    );
    const publishSignal = async () => {
      const signalId = randomUUID();
      const payload: SignalPublishedPayload & SignalSourceFields = {
        signalId,
        sequence: '1',
        instrumentId,
        symbol,
        side: 'BUY',
        price: '20',
        strategy,
      };
      const event = envelope(Topics.signalPublished, 'SignalPublished', instrumentId, payload);
      await bus.publish([event]);
      await eventually(
        async () =>
          (await db.prisma.tradingInboxEvent.count({ where: { eventId: event.id } })) > 0 || undefined,
        30_000,
        'signal consumed',
      );
      return signalId;
    };
    const before = await publishSignal();
    expect(await db.prisma.tradeOrder.count({ where: { signalId: before } })).toBe(1);

    const change = (status: SubscriptionChangedPayload['status'], tier: SubscriptionChangedPayload['tier']) =>
      envelope<SubscriptionChangedPayload>(
        Topics.subscriptionChanged,
        'SubscriptionChanged',
        follower.userId,
        {
          userId: follower.userId,
          subscriptionId: randomUUID(),
          tier,
          status,
        },
      );
    await bus.publish([change('CANCELLED', 'PREMIUM')]);
    await eventually(
      async () =>
        (await db.prisma.tradingUserTier.findUnique({ where: { userId: follower.userId } }))?.tier ===
          'FREE' || undefined,
      30_000,
      'tier downgraded',
    );
    const after = await publishSignal();
    expect(await db.prisma.tradeOrder.count({ where: { signalId: after } })).toBe(0);
    expect(await db.prisma.signalCopySkip.findMany({ where: { signalId: after } })).toEqual([
      expect.objectContaining({
        followId: followSignalSource.id,
        userId: follower.userId,
        reason: expect.stringMatching(/FREE tier/),
      }),
    ]);

    // The follower sees why: the skip is on the follow.
    expect(await execute(`{ signalFollows { skippedSignals { signalId reason } } }`, {}, follower)).toEqual({
      signalFollows: [{ skippedSignals: [{ signalId: after, reason: expect.stringMatching(/FREE tier/) }] }],
    });

    // Upgraded again: copies resume.
    await bus.publish([change('ACTIVE', 'ENTERPRISE')]);
    await eventually(
      async () =>
        (await db.prisma.tradingUserTier.findUnique({ where: { userId: follower.userId } }))?.tier ===
          'ENTERPRISE' || undefined,
      30_000,
      'tier upgraded',
    );
    expect(await db.prisma.tradeOrder.count({ where: { signalId: await publishSignal() } })).toBe(1);
  }, 90_000);
});
