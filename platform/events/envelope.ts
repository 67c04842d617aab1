import type { ConsumerLagRow } from '../telemetry/metrics';

/** What travels on the bus: the outbox row, serialised as the Kafka message value. */
export interface EventEnvelope<P = unknown> {
  /** The outbox row id: consumers dedupe on it. */
  id: string;
  topic: string;
  /** Partition key: events for one aggregate stay in order. */
  key: string;
  type: string;
  payload: P;
  correlationId: string | null;
  occurredAt: string;
  /** W3C trace context of the span that published it (null or absent when tracing is off). */
  traceparent?: string | null;
}

export type EventHandler = (event: EventEnvelope) => Promise<void>;

export interface BusSubscription {
  stop(): Promise<void>;
}

export interface EventBus {
  readonly kind: 'kafka' | 'in-process';
  start(): Promise<void>;
  stop(): Promise<void>;
  ready(): Promise<boolean>;
  /** Creates topics that do not exist yet (idempotent). */
  ensureTopics(topics: string[]): Promise<void>;
  /** Resolves once every message is durably accepted; rejects if any is not. */
  publish(events: EventEnvelope[]): Promise<void>;
  /** One consumer in `groupId`: each event reaches one member of each group, at least once. */
  subscribe(options: { groupId: string; topics: string[]; handler: EventHandler }): Promise<BusSubscription>;
  /** Unconsumed messages per group, topic and partition of this bus's subscriptions (Kafka only). */
  consumerLag?(): Promise<ConsumerLagRow[]>;
}

export const Domains = ['identity', 'learning', 'signals', 'trading', 'billing'] as const;
export type Domain = (typeof Domains)[number];
