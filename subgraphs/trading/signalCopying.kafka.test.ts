import { randomUUID } from 'node:crypto';
import type { EventBus, EventEnvelope } from '../../platform/events/envelope';
import {
  MarketTopics,
  Topics,
  type MarketTickPayload,
  type SignalPublishedPayload,
  type SignalSourceFields,
} from '../../platform/events/topics';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { createTestKafkaBus, eventually, testLogger } from '../../test/support/env';
import { createTradingSubgraph } from './server';
import { viewer } from './testHarness';

// Real Kafka end to end inside trading: ticks and signals are published to the broker, trading's own
// consumers (unique groups for this run) price, match and copy them into paper orders.
describe('trading consumers on a real Kafka broker', () => {
  let db: TestDatabase;
  let bus: EventBus;
  let subgraph: ReturnType<typeof createTradingSubgraph>;
  const run = randomUUID().slice(0, 8).toUpperCase();
  const symbol = `K${run}-USDT`;
  const instrumentId = randomUUID();
  const strategy = `KAFKA_${run}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    bus = createTestKafkaBus(`trading-test-${run}`);
    await bus.start();
    const infra = { prisma: db.prisma, bus, readiness: {}, start: async () => {}, stop: async () => {} };
    subgraph = createTradingSubgraph(
      { infra, logger: testLogger, gatewaySecret: 'x'.repeat(32), outboxPollMs: 50 },
      { consumerGroupSuffix: `.test-${run}` },
    );
    await subgraph.start(0, '127.0.0.1');
  }, 60_000);

  afterAll(async () => {
    await subgraph?.stop();
    await bus?.stop();
    await db?.drop();
  });

  const envelope = <P>(topic: string, type: string, payload: P, id = randomUUID()): EventEnvelope<P> => ({
    id,
    topic,
    key: instrumentId,
    type,
    payload,
    correlationId: `c-${run}`,
    occurredAt: new Date().toISOString(),
  });
  const tick = (price: string) =>
    envelope<MarketTickPayload>(MarketTopics.ticks, 'MarketTick', {
      instrumentId,
      symbol,
      price,
      bid: null,
      ask: null,
      at: new Date().toISOString(),
    });

  it('fills a paper market order at the tick that came through Kafka', async () => {
    await bus.publish([tick('42.5')]);
    await eventually(
      async () => subgraph.services.ticks.latest(symbol)?.price.toFixed() === '42.5' || undefined,
      30_000,
      'tick',
    );
    const trader = viewer('TRADER');
    const ctx = subgraph.server.testContext(trader);
    const result = await subgraph.server.apollo.executeOperation(
      {
        query: `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { status averageFillPrice } }`,
        variables: { input: { symbol, side: 'BUY', type: 'MARKET', quantity: '2', clientOrderId: 'k-1' } },
      },
      { contextValue: ctx },
    );
    expect(result.body.kind === 'single' && result.body.singleResult.data).toEqual({
      placeOrder: { status: 'FILLED', averageFillPrice: '42.5' },
    });
  }, 60_000);

  it('creates exactly one paper order per follower when a followed signal is delivered twice', async () => {
    const follower = { ...viewer('TRADER'), tier: 'PREMIUM' as const };
    const followed = await subgraph.server.apollo.executeOperation(
      {
        query: `mutation($input: FollowSignalSourceInput!) { followSignalSource(input: $input) { id } }`,
        variables: {
          input: {
            // The strategy's source as the seed (or its first SignalPublished) gives trading.
            sourceId: (
              await db.prisma.tradingSignalSource.create({
                data: { id: randomUUID(), kind: 'STRATEGY', key: strategy },
              })
            ).id,
            sizing: 'FIXED_QUANTITY',
            sizingValue: '3',
          },
        },
      },
      { contextValue: subgraph.server.testContext(follower) },
    );
    expect(followed.body.kind === 'single' && followed.body.singleResult.errors).toBeUndefined();
    const signalId = randomUUID();
    const payload: SignalPublishedPayload & SignalSourceFields = {
      signalId,
      sequence: '1',
      instrumentId,
      symbol,
      side: 'BUY',
      price: '42.5',
      strategy,
    };
    const signal = envelope(Topics.signalPublished, 'SignalPublished', payload);
    // The same event twice (a redelivery), and the same signal under a new event id (a republish).
    await bus.publish([signal, signal, envelope(Topics.signalPublished, 'SignalPublished', payload)]);
    // A later signal (same key, so same partition, so after them) marks that the three were consumed.
    const marker = envelope(Topics.signalPublished, 'SignalPublished', {
      ...payload,
      signalId: randomUUID(),
      strategy: `OTHER_${run}`,
    });
    await bus.publish([marker]);
    await eventually(
      async () =>
        (await db.prisma.tradingInboxEvent.count({ where: { eventId: marker.id } })) === 1 || undefined,
      30_000,
      'signals consumed',
    );
    const orders = await db.prisma.tradeOrder.findMany({ where: { signalId } });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ userId: follower.userId, status: 'FILLED', symbol });
    expect(orders[0]!.quantity.toFixed()).toBe('3');
  }, 60_000);
});
