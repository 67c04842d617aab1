import { randomUUID } from 'node:crypto';
import { kafkaBrokers, testKafkaNamespace, testLogger } from '../../test/support/env';
import type { EventBus, EventEnvelope } from './envelope';
import { createKafkaBus } from './kafkaBus';
import { isTopicNotReady, retryWhileTopicsNotReady } from './kafkaTopics';

const envelope = (topic: string, key: string): EventEnvelope => ({
  id: randomUUID(),
  topic,
  key,
  type: 'test.happened',
  payload: { key },
  correlationId: null,
  occurredAt: new Date().toISOString(),
});

// The production shape and the test suites start several processes (or buses) at once against a broker
// that has never seen their namespace: they all create the same topics at the same moment.
describe('Kafka bus on a brand-new namespace, started by several buses at once', () => {
  const buses: EventBus[] = [];

  afterAll(async () => {
    await Promise.allSettled(buses.map((bus) => bus.stop()));
  });

  it('creates, subscribes and publishes from six concurrent buses without a single failure', async () => {
    const namespace = testKafkaNamespace();
    const topics = Array.from({ length: 12 }, (_, i) => `race.topic-${i}`);
    // Many partitions per topic widen the window between "created" and "every partition has a leader".
    for (let i = 0; i < 6; i++) {
      buses.push(
        createKafkaBus({
          brokers: kafkaBrokers.split(','),
          clientId: `race-${i}`,
          logger: testLogger,
          namespace,
          partitions: 12,
        }),
      );
    }

    const received = buses.map(() => new Set<string>());
    // Every bus at once: start, create all topics, subscribe its own group to all of them.
    const outcomes = await Promise.allSettled(
      buses.map(async (bus, i) => {
        await bus.start();
        await bus.ensureTopics(topics);
        await bus.subscribe({
          groupId: `race-group-${i}`,
          topics,
          handler: async (event) => void received[i]!.add(event.id),
        });
      }),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);

    // Every bus publishes one event per topic at once; every group sees all of them.
    const published = buses.flatMap((_, i) => topics.map((topic) => envelope(topic, `bus-${i}`)));
    const sent = await Promise.allSettled(
      buses.map((bus, i) => bus.publish(published.filter((event) => event.key === `bus-${i}`))),
    );
    expect(sent.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    const all = new Set(published.map((event) => event.id));
    await Promise.all(
      received.map(
        (ids, i) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new Error(`group ${i} saw ${ids.size} of ${all.size}`)),
              30_000,
            );
            const check = setInterval(() => {
              if ([...all].every((id) => ids.has(id))) {
                clearInterval(check);
                clearTimeout(timer);
                resolve();
              }
            }, 50);
          }),
      ),
    );
    expect(received.map((ids) => ids.size)).toEqual(buses.map(() => all.size));
  }, 90_000);
});

describe('waiting for a topic to be ready', () => {
  const notReady = () =>
    Object.assign(new Error('This server does not host this topic-partition'), {
      type: 'UNKNOWN_TOPIC_OR_PARTITION',
    });

  it('retries "not ready" answers and returns once the broker has caught up', async () => {
    let calls = 0;
    const value = await retryWhileTopicsNotReady('topic t', 5_000, async () => {
      calls += 1;
      if (calls < 3) throw notReady();
      return 'ready';
    });
    expect({ value, calls }).toEqual({ value: 'ready', calls: 3 });
  });

  it('gives up after its bound with a message naming what it waited for and the last answer', async () => {
    const started = Date.now();
    await expect(
      retryWhileTopicsNotReady('topics a, b', 300, async () => {
        throw notReady();
      }),
    ).rejects.toThrow(/topics a, b still not ready after 300 ms \(last answer: This server does not host/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('fails at once on any other error', async () => {
    let calls = 0;
    await expect(
      retryWhileTopicsNotReady('topic t', 5_000, async () => {
        calls += 1;
        throw Object.assign(new Error('not authorised'), { type: 'TOPIC_AUTHORIZATION_FAILED' });
      }),
    ).rejects.toThrow('not authorised');
    expect(calls).toBe(1);
  });

  it('treats an aggregate of not-ready and already-exists answers as not ready', () => {
    const aggregate = { errors: [notReady(), { type: 'TOPIC_ALREADY_EXISTS' }] };
    expect(isTopicNotReady(aggregate)).toBe(true);
    expect(isTopicNotReady({ errors: [{ type: 'TOPIC_ALREADY_EXISTS' }] })).toBe(false);
    expect(isTopicNotReady({ type: 'INVALID_REPLICATION_FACTOR' })).toBe(false);
  });
});
