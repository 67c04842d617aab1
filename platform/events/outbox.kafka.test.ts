import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { createTestKafkaBus, eventually, testLogger } from '../../test/support/env';
import type { EventBus, EventEnvelope } from './envelope';
import { createEventConsumer } from './inbox';
import { createOutboxRelay, enqueueEvent } from './outbox';

// Outbox → real Kafka → inbox consumer. The consumer's effect adds 1 to a portfolio's cash, which is
// not idempotent by itself: the cash equals the number of distinct events only if the inbox works.
describe('outbox relay and inbox consumer on a real Kafka broker', () => {
  let db: TestDatabase;
  let bus: EventBus;
  const stops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    bus = createTestKafkaBus('outbox-test');
    await bus.start();
  });

  afterEach(async () => {
    while (stops.length) await stops.pop()!();
  });

  afterAll(async () => {
    await bus.stop();
    await db.drop();
  });

  async function scenario() {
    const topic = `test.outbox.${randomUUID()}`;
    const portfolio = await db.prisma.portfolio.create({ data: { userId: randomUUID(), cashMinor: 0n } });
    const deliveries: EventEnvelope[] = [];
    const recordingBus: EventBus = {
      ...bus,
      subscribe: (options) =>
        bus.subscribe({ ...options, handler: (event) => (deliveries.push(event), options.handler(event)) }),
    };
    const recordingConsumer = createEventConsumer({
      prisma: db.prisma,
      bus: recordingBus,
      domain: 'trading',
      logger: testLogger,
      name: `test-consumer-${randomUUID()}`,
      handlers: {
        [topic]: {
          Credited: async (_event, tx) => {
            await tx.portfolio.update({
              where: { id: portfolio.id },
              data: { cashMinor: { increment: 1n } },
            });
          },
        },
      },
    });
    await recordingConsumer.start();
    stops.push(() => recordingConsumer.stop());
    const enqueue = (count: number) =>
      db.prisma.$transaction(async (tx) => {
        for (let i = 0; i < count; i += 1) {
          await enqueueEvent(tx, 'trading', { topic, key: portfolio.id, type: 'Credited', payload: { i } });
        }
      });
    const cash = async () =>
      (await db.prisma.portfolio.findUniqueOrThrow({ where: { id: portfolio.id } })).cashMinor;
    const pending = () => db.prisma.tradingOutboxEvent.count({ where: { topic, publishedAt: null } });
    return { topic, deliveries, consumer: recordingConsumer, enqueue, cash, pending };
  }

  it('applies an event once, and a redelivered message has no second effect', async () => {
    const s = await scenario();
    await s.enqueue(1);
    const relay = createOutboxRelay({
      prisma: db.prisma,
      domain: 'trading',
      bus,
      logger: testLogger,
      pollIntervalMs: 50,
    });
    relay.start();
    stops.push(() => relay.stop());

    await eventually(async () => ((await s.cash()) === 1n ? true : undefined), 30_000, 'first effect');
    expect(await s.pending()).toBe(0);

    // Redeliver the very message Kafka gave us, as a consumer restart before its offset commit would.
    await bus.publish([s.deliveries[0]!]);
    await eventually(async () => (s.deliveries.length >= 2 ? true : undefined), 30_000, 'redelivery');
    expect(s.deliveries[1]!.id).toBe(s.deliveries[0]!.id);
    expect(await s.cash()).toBe(1n);
    const inbox = await db.prisma.tradingInboxEvent.count({ where: { eventId: s.deliveries[0]!.id } });
    expect(inbox).toBe(1);
  });

  it('a relay that dies after Kafka accepted a batch, before marking it, loses nothing when restarted', async () => {
    const s = await scenario();
    await s.enqueue(25);
    // Publishes the batch for real, then fails as a crash before the commit would.
    const crashingBus: EventBus = {
      ...bus,
      publish: async (events) => {
        await bus.publish(events);
        throw new Error('relay killed mid-batch');
      },
    };
    const doomed = createOutboxRelay({
      prisma: db.prisma,
      domain: 'trading',
      bus: crashingBus,
      logger: testLogger,
      batchSize: 10,
    });
    await expect(doomed.publishBatch()).rejects.toThrow('relay killed mid-batch');
    expect(await s.pending()).toBe(25);

    const restarted = createOutboxRelay({
      prisma: db.prisma,
      domain: 'trading',
      bus,
      logger: testLogger,
      batchSize: 10,
      pollIntervalMs: 50,
    });
    restarted.start();
    stops.push(() => restarted.stop());

    await eventually(async () => ((await s.cash()) === 25n ? true : undefined), 30_000, '25 effects');
    expect(await s.pending()).toBe(0);
    // The first batch of 10 went out twice; each of its events still counted once.
    await eventually(async () => (s.deliveries.length >= 35 ? true : undefined), 30_000, 'all deliveries');
    expect(new Set(s.deliveries.map((event) => event.id)).size).toBe(25);
    expect(await s.cash()).toBe(25n);
  });

  it('several relays on one domain publish each event once, in order', async () => {
    const s = await scenario();
    await s.enqueue(40);
    const relays = [1, 2, 3].map(() =>
      createOutboxRelay({
        prisma: db.prisma,
        domain: 'trading',
        bus,
        logger: testLogger,
        batchSize: 5,
        pollIntervalMs: 20,
      }),
    );
    for (const relay of relays) {
      relay.start();
      stops.push(() => relay.stop());
    }
    await eventually(async () => ((await s.cash()) === 40n ? true : undefined), 30_000, '40 effects');
    expect(await s.pending()).toBe(0);
    // Give any double publication time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(s.deliveries).toHaveLength(40);
    const order = s.deliveries.map((event) => (event.payload as { i: number }).i);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
