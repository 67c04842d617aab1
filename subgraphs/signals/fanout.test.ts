import { randomUUID } from 'node:crypto';
import { createMemoryBus } from '../../platform/events/memoryBus';
import { SignalLifecycleTopics, Topics, type LiveSignalEvent } from '../../platform/events/topics';
import type { EventEnvelope } from '../../platform/events/envelope';
import { createLivePubSub, type LivePubSub } from '../../platform/pubsub';
import { eventually, redisUrl, testLogger } from '../../test/support/env';
import { createSignalFanout } from './fanout';
import { startSignalsHarness, validSignal, viewer, type SignalsHarness } from './testHarness';

// The fan-out on the real Redis: an event redelivered by Kafka (same id) is published to Redis once.
let h: SignalsHarness;
const pubsubs: LivePubSub[] = [];
beforeAll(async () => {
  h = await startSignalsHarness();
});
afterAll(async () => {
  for (const pubsub of pubsubs) await pubsub.close();
  await h?.stop();
});

it('publishes each signal event to the live channel once, however often it is delivered', async () => {
  const channel = `live.signals.test.${randomUUID()}`;
  const publisher = createLivePubSub(redisUrl);
  const listener = createLivePubSub(redisUrl);
  pubsubs.push(publisher, listener);
  const heard: LiveSignalEvent[] = [];
  await listener.engine.subscribe(channel, (event: LiveSignalEvent) => heard.push(event), {});
  const fanout = createSignalFanout({
    prisma: h.db.prisma,
    bus: createMemoryBus({ logger: testLogger }),
    logger: testLogger,
    pubsub: publisher,
    groupId: `fanout-test-${randomUUID()}`,
    channel,
  });
  const signal = (await h.publish(validSignal, viewer('ANALYST'))).data!.publishSignal;
  const outbox = await h.db.prisma.signalsOutboxEvent.findFirstOrThrow({
    where: { topic: Topics.signalPublished, payload: { path: ['signalId'], equals: signal.id } },
  });
  const envelope: EventEnvelope = {
    id: outbox.id,
    topic: outbox.topic,
    key: outbox.key,
    type: outbox.type,
    payload: outbox.payload,
    correlationId: outbox.correlationId,
    occurredAt: outbox.createdAt.toISOString(),
  };
  await fanout.handle(envelope);
  await fanout.handle(envelope);
  await Promise.all([fanout.handle(envelope), fanout.handle(envelope)]);
  await eventually(async () => heard[0], 5_000, 'live event');
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(heard).toEqual([
    {
      kind: 'PUBLISHED',
      signalId: signal.id,
      sequence: signal.sequence,
      instrumentId: h.btc.id,
      symbol: 'BTC-USDT',
      publishedAt: expect.any(String),
      dayIndex: expect.any(Number),
      // Signals owns the tier rules: the event says when each tier sees it (FREE 15 minutes later).
      releaseAt: {
        FREE: new Date(Date.parse(heard[0]!.publishedAt) + 15 * 60_000).toISOString(),
        PREMIUM: heard[0]!.publishedAt,
        ENTERPRISE: heard[0]!.publishedAt,
      },
    },
  ]);

  // An event of a signal this database does not hold (another deployment on the topic) is skipped.
  await fanout.handle({ ...envelope, id: randomUUID(), payload: { signalId: randomUUID(), symbol: 'X' } });
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(heard).toHaveLength(1);
});

it('republishes closes as UPDATED signal events and triggered alerts on the user channel, once', async () => {
  const channel = `live.signals.test.${randomUUID()}`;
  const userChannel = `live.user.test.${randomUUID()}`;
  const publisher = createLivePubSub(redisUrl);
  const listener = createLivePubSub(redisUrl);
  pubsubs.push(publisher, listener);
  const heard: unknown[] = [];
  for (const name of [channel, userChannel])
    await listener.engine.subscribe(name, (event: unknown) => heard.push(event), {});
  const fanout = createSignalFanout({
    prisma: h.db.prisma,
    bus: createMemoryBus({ logger: testLogger }),
    logger: testLogger,
    pubsub: publisher,
    groupId: `fanout-test-${randomUUID()}`,
    channel,
    userChannel,
  });
  const signal = (await h.publish(validSignal, viewer('ANALYST'))).data!.publishSignal;
  const envelope = (topic: string, type: string, payload: unknown): EventEnvelope => ({
    id: randomUUID(),
    topic,
    key: h.btc.id,
    type,
    payload,
    correlationId: null,
    occurredAt: new Date().toISOString(),
  });
  const closed = envelope(SignalLifecycleTopics.signalUpdated, 'SignalUpdated', {
    signalId: signal.id,
    symbol: 'BTC-USDT',
    status: 'TARGET_HIT',
  });
  const alertId = randomUUID();
  const userId = randomUUID();
  const at = new Date().toISOString();
  const alert = envelope(SignalLifecycleTopics.priceAlertTriggered, 'PriceAlertTriggered', {
    alertId,
    userId,
    triggeredAt: at,
  });
  for (const event of [closed, closed, alert, alert]) await fanout.handle(event);
  await eventually(async () => (heard.length >= 2 ? true : undefined), 5_000, 'live events');
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(heard).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ kind: 'UPDATED', signalId: signal.id, sequence: signal.sequence }),
      { field: 'priceAlertTriggered', userId, id: alertId, at },
    ]),
  );
  expect(heard).toHaveLength(2);
});
