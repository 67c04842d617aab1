import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every series this code registers, by name. deploy/observability's alert rules and dashboard may only
 * use these (test/observabilityAssets.test.ts checks), so a rename cannot silently blind an alert.
 */
export const MetricNames = {
  requests: 'graphql_requests_total',
  requestDuration: 'graphql_request_duration_seconds',
  errors: 'graphql_errors_total',
  subgraphFetchDuration: 'gateway_subgraph_fetch_duration_seconds',
  liveSockets: 'gateway_live_sockets',
  liveSubscriptions: 'gateway_live_subscriptions',
  liveDeliveryDuration: 'gateway_live_delivery_duration_seconds',
  consumerLag: 'kafka_consumer_lag',
  outboxUnpublished: 'outbox_unpublished_events',
  dbPoolConnections: 'db_pool_connections',
  dbPoolMax: 'db_pool_max_connections',
} as const;

export interface ConsumerLagRow {
  group: string;
  topic: string;
  partition: number;
  lag: number;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/** Latency buckets: 2 s is a bucket edge because the latency alert is "p99 above 2 s". */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10];
/** How long one scrape waits for a source (the broker, the database) before reporting without it. */
const SOURCE_TIMEOUT_MS = 2_000;

/**
 * A label taken from what callers send (operation names, error codes) stays bounded: a value must
 * look like a name, and once `limit` distinct ones have been seen the rest share `overflow`. A client
 * inventing a new operation name per request cannot grow the registry without end.
 */
export function boundedLabel(pattern: RegExp, limit: number, overflow: string, missing: string) {
  const seen = new Set<string>();
  return (value: unknown): string => {
    if (typeof value !== 'string' || value === '') return missing;
    if (seen.has(value)) return value;
    if (!pattern.test(value) || seen.size >= limit) return overflow;
    seen.add(value);
    return value;
  };
}

async function withinTimeout<T>(work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), SOURCE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work.catch(() => fallback), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Registers `source` in `set` and returns its removal (components unregister when they stop). */
function add<T>(set: Set<T>, source: T): () => void {
  set.add(source);
  return () => set.delete(source);
}

/**
 * One Prometheus registry per process (or per `npm start` stack): never prom-client's global one, so
 * tests that start many stacks in one jest worker each count their own. Gauges that describe state
 * (sockets, backlog, lag, pools) are read from their sources at scrape time, costing nothing per request.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const live = new Set<() => { sockets: number; subscriptions: number }>();
  const outboxes = new Set<{ domain: string; count: () => Promise<number> }>();
  const pools = new Set<{ pool: string; stats: () => PoolStats }>();
  const lags = new Set<() => Promise<ConsumerLagRow[]>>();

  const requests = new Counter({
    name: MetricNames.requests,
    help: 'GraphQL operations answered, by service, operation name (bounded) and type',
    labelNames: ['service', 'operation', 'type'] as const,
    registers,
  });
  const requestDuration = new Histogram({
    name: MetricNames.requestDuration,
    help: 'Time to answer a GraphQL operation',
    labelNames: ['service', 'operation', 'type'] as const,
    buckets: SECONDS,
    registers,
  });
  const errors = new Counter({
    name: MetricNames.errors,
    help: 'Errors in GraphQL responses (and refused HTTP requests), by extensions.code',
    labelNames: ['service', 'code'] as const,
    registers,
  });
  const subgraphFetchDuration = new Histogram({
    name: MetricNames.subgraphFetchDuration,
    help: "The gateway's calls to a subgraph, by outcome (HTTP status class or 'error')",
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: SECONDS,
    registers,
  });
  const liveDeliveryDuration = new Histogram({
    name: MetricNames.liveDeliveryDuration,
    help: 'From a live event reaching a gateway group (after any tier delay) to its frames written',
    labelNames: ['field'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  });
  new Gauge({
    name: MetricNames.liveSockets,
    help: 'Open graphql-ws sockets on this gateway',
    registers,
    collect() {
      this.set([...live].reduce((sum, read) => sum + read().sockets, 0));
    },
  });
  new Gauge({
    name: MetricNames.liveSubscriptions,
    help: 'Active graphql-ws subscriptions on this gateway',
    registers,
    collect() {
      this.set([...live].reduce((sum, read) => sum + read().subscriptions, 0));
    },
  });
  new Gauge({
    name: MetricNames.outboxUnpublished,
    help: 'Outbox rows committed and not yet published to the event bus, per domain',
    labelNames: ['domain'] as const,
    registers,
    async collect() {
      this.reset();
      const counts = await Promise.all(
        [...outboxes].map(async ({ domain, count }) => [domain, await withinTimeout(count(), NaN)] as const),
      );
      for (const [domain, count] of counts) if (!Number.isNaN(count)) this.set({ domain }, count);
    },
  });
  new Gauge({
    name: MetricNames.consumerLag,
    help: 'Messages not yet consumed, per consumer group, topic and partition',
    labelNames: ['group', 'topic', 'partition'] as const,
    registers,
    async collect() {
      this.reset();
      const rows = (await Promise.all([...lags].map((read) => withinTimeout(read(), [])))).flat();
      for (const row of rows)
        this.set({ group: row.group, topic: row.topic, partition: row.partition }, row.lag);
    },
  });
  new Gauge({
    name: MetricNames.dbPoolConnections,
    help: 'PostgreSQL pool connections: total open, idle, and requests waiting for one',
    labelNames: ['pool', 'state'] as const,
    registers,
    collect() {
      this.reset();
      for (const { pool, stats } of pools) {
        const { total, idle, waiting } = stats();
        this.set({ pool, state: 'total' }, total);
        this.set({ pool, state: 'idle' }, idle);
        this.set({ pool, state: 'waiting' }, waiting);
      }
    },
  });
  new Gauge({
    name: MetricNames.dbPoolMax,
    help: 'PostgreSQL pool size limit',
    labelNames: ['pool'] as const,
    registers,
    collect() {
      this.reset();
      for (const { pool, stats } of pools) this.set({ pool }, stats().max);
    },
  });

  return {
    registry,
    requests,
    requestDuration,
    errors,
    subgraphFetchDuration,
    liveDeliveryDuration,
    /** Client-chosen operation names: at most 200 distinct ones per process, then `__other`. */
    operationLabel: boundedLabel(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 200, '__other', '__anonymous'),
    /** extensions.code values are ours, but subgraph answers pass through: bounded all the same. */
    codeLabel: boundedLabel(/^[A-Z][A-Z0-9_]{0,63}$/, 64, 'OTHER', 'INTERNAL_SERVER_ERROR'),
    observeLive: (read: () => { sockets: number; subscriptions: number }) => add(live, read),
    observeOutbox: (domain: string, count: () => Promise<number>) => add(outboxes, { domain, count }),
    observePool: (pool: string, stats: () => PoolStats) => add(pools, { pool, stats }),
    observeConsumerLag: (read: () => Promise<ConsumerLagRow[]>) => add(lags, read),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
