import { Kafka, logLevel, type Admin, type Consumer, type LogEntry, type Producer } from 'kafkajs';
import type { Logger } from '../logger';
import type { BusSubscription, EventBus, EventEnvelope, EventHandler } from './envelope';
import { consumerLag } from './kafkaLag';
import { createTopicProvisioner, retryWhileTopicsNotReady } from './kafkaTopics';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** Partitions for topics this process creates. */
  partitions?: number;
  /**
   * Prefixes every Kafka topic and consumer group (`<namespace>.<name>`), so several environments or
   * concurrent test stacks share one broker without stealing each other's partitions. Events keep their
   * logical topic names; only the broker sees the prefix.
   */
  namespace?: string | undefined;
  /** How long a new topic may take to get partition leaders before publish/subscribe fail (30 s). */
  topicReadyTimeoutMs?: number;
  /**
   * Longest a consumer's fetch waits on the broker when there is nothing to read (1 s). A fetch still
   * returns as soon as a message arrives, so this does not add latency; it bounds how long stopping a
   * consumer waits for its fetch in flight (kafkajs' default of 5 s made every shutdown take 5 s).
   */
  consumerMaxWaitMs?: number;
  /**
   * How long the group coordinator waits for a silent consumer before giving its partitions to the
   * others (kafkajs' default 30 s). A replica killed with -9 never says goodbye: until this passes, its
   * partitions, and a restarted replica's rejoin, wait. Heartbeats go at a third of it at most.
   */
  sessionTimeoutMs?: number;
}

function kafkaLogCreator(logger: Logger) {
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...extra } = log;
      const target = logger.child({ component: 'kafkajs' });
      if (level === logLevel.ERROR) target.error(extra, message);
      else if (level === logLevel.WARN) target.warn(extra, message);
      else target.debug(extra, message);
    };
}

function decode(value: Buffer | null): EventEnvelope {
  if (!value) throw new Error('Kafka message without a value');
  return JSON.parse(value.toString('utf8')) as EventEnvelope;
}

/** The real event bus: an idempotent producer (acks=all) and one consumer per group subscription. */
export function createKafkaBus({
  brokers,
  clientId,
  logger,
  partitions = 3,
  namespace,
  topicReadyTimeoutMs = 30_000,
  consumerMaxWaitMs = 1_000,
  sessionTimeoutMs = 30_000,
}: KafkaBusOptions): EventBus {
  const physical = (name: string) => (namespace ? `${namespace}.${name}` : name);
  const kafka = new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(logger),
    retry: { retries: 8, initialRetryTime: 200 },
  });
  // Idempotence keeps broker-side retries from writing a message twice; kafkajs requires
  // maxInFlightRequests 1 for it to also keep order.
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  const admin: Admin = kafka.admin();
  const consumers = new Set<Consumer>();
  /** Logical topics per logical group subscribed here: what consumerLag reports. */
  const subscribed = new Map<string, Set<string>>();
  const topics = createTopicProvisioner({ admin, partitions, readyTimeoutMs: topicReadyTimeoutMs });
  let started: Promise<void> | undefined;

  const ensureTopics = (names: string[]) => topics.ensure(names.map(physical));

  return {
    kind: 'kafka',
    start() {
      started ??= Promise.all([producer.connect(), admin.connect()]).then(() => undefined);
      return started;
    },
    async stop() {
      await Promise.allSettled([...consumers].map((consumer) => consumer.disconnect()));
      consumers.clear();
      subscribed.clear();
      // disconnect() waits for in-flight sends, so nothing accepted by publish() is dropped.
      await Promise.allSettled([producer.disconnect(), admin.disconnect()]);
      topics.reset();
      started = undefined;
    },
    async ready() {
      try {
        await admin.describeCluster();
        return true;
      } catch {
        return false;
      }
    },
    ensureTopics,
    async publish(events: EventEnvelope[]) {
      if (events.length === 0) return;
      await ensureTopics([...new Set(events.map((event) => event.topic))]);
      const byTopic = new Map<string, EventEnvelope[]>();
      for (const event of events) byTopic.set(event.topic, [...(byTopic.get(event.topic) ?? []), event]);
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic: physical(topic),
          messages: list.map((event) => ({
            key: event.key,
            value: JSON.stringify(event),
            headers: {
              'event-id': event.id,
              'event-type': event.type,
              ...(event.correlationId ? { 'correlation-id': event.correlationId } : {}),
              // The standard header too, for tools that read traces off Kafka; consumers use the envelope's.
              ...(event.traceparent ? { traceparent: event.traceparent } : {}),
            },
          })),
        })),
      });
    },
    async subscribe({
      groupId,
      topics: names,
      handler,
    }: {
      groupId: string;
      topics: string[];
      handler: EventHandler;
    }) {
      await ensureTopics(names);
      const consumer = kafka.consumer({
        groupId: physical(groupId),
        allowAutoTopicCreation: false,
        maxWaitTimeInMs: consumerMaxWaitMs,
        sessionTimeout: sessionTimeoutMs,
        heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeoutMs / 3)),
      });
      consumers.add(consumer);
      consumer.on(consumer.events.CRASH, ({ payload }) =>
        logger.error({ err: payload.error, groupId, restart: payload.restart }, 'Kafka consumer crashed'),
      );
      try {
        await consumer.connect();
        // The topics have leaders (ensureTopics), but this consumer's own metadata request can still
        // reach a broker that has not applied them yet: retry that, bounded, instead of failing start-up.
        await retryWhileTopicsNotReady(`subscribing ${groupId}`, topicReadyTimeoutMs, () =>
          consumer.subscribe({ topics: names.map(physical), fromBeginning: true }),
        );
        // A handler that throws leaves the offset uncommitted: kafkajs retries the message, so
        // delivery is at-least-once and handlers must be idempotent (platform/events/inbox.ts).
        await consumer.run({ eachMessage: async ({ message }) => handler(decode(message.value)) });
        subscribed.set(groupId, new Set([...(subscribed.get(groupId) ?? []), ...names]));
      } catch (error) {
        consumers.delete(consumer);
        await consumer.disconnect().catch(() => undefined);
        throw error;
      }
      const subscription: BusSubscription = {
        async stop() {
          consumers.delete(consumer);
          await consumer.disconnect();
        },
      };
      return subscription;
    },
    consumerLag: () => consumerLag(admin, subscribed, physical),
  };
}
