import { Domains } from '../../platform/events/envelope';
import { MetricNames } from '../../platform/telemetry/metrics';
import { eventually } from '../support/env';
import { postGraphQL } from '../support/graphqlClient';
import { scrape } from '../support/prometheusText';
import { startLiveHarness, type LiveHarness } from './liveHarness';

const TICKS = 'subscription($symbols: [String!]!) { marketTicks(symbols: $symbols) { symbol price } }';

/**
 * The stack's /metrics after real traffic (PostgreSQL, Kafka, Redis, graphql-ws): each series moves
 * the way the alerts and dashboard in deploy/observability expect.
 */
describe('Prometheus metrics', () => {
  let live: LiveHarness;
  let metricsUrl: string;

  beforeAll(async () => {
    live = await startLiveHarness('metrics');
    metricsUrl = live.stack.gateway.metricsUrl!;
  }, 120_000);

  afterAll(async () => {
    await live?.stop();
  });

  it('serves /metrics on its own listener, not on the public port; subgraphs serve it next to /healthz', async () => {
    expect((await fetch(new URL('/metrics', live.stack.gatewayUrl))).status).toBe(404);
    const gateway = await scrape(metricsUrl);
    expect(gateway.sum('process_cpu_seconds_total')).toBeGreaterThan(0);
    const learning = await scrape(new URL('/metrics', live.stack.subgraphUrls.learning).toString());
    expect(learning.sum('nodejs_eventloop_lag_p99_seconds')).toBeDefined();
  });

  it('counts and times an operation by name at the gateway and in the subgraph, and times the subgraph fetch', async () => {
    const before = await scrape(metricsUrl);
    const labels = { service: 'gateway', operation: 'MetricsCatalog', type: 'query' };
    const response = await postGraphQL(
      live.stack.gatewayUrl,
      'query MetricsCatalog { courses(first: 1) { totalCount } }',
    );
    expect(response.errors).toBeUndefined();
    const after = await scrape(metricsUrl);
    expect(after.sum(MetricNames.requests, labels)).toBe((before.sum(MetricNames.requests, labels) ?? 0) + 1);
    expect(after.sum(`${MetricNames.requestDuration}_count`, labels)).toBe(
      (before.sum(`${MetricNames.requestDuration}_count`, labels) ?? 0) + 1,
    );
    const fetched = { subgraph: 'learning', outcome: '2xx' };
    expect(after.sum(`${MetricNames.subgraphFetchDuration}_count`, fetched)).toBeGreaterThan(
      before.sum(`${MetricNames.subgraphFetchDuration}_count`, fetched) ?? 0,
    );
    // The subgraph counts the gateway's operation under the query plan's name.
    expect(after.sum(MetricNames.requests, { service: 'learning', type: 'query' })).toBeGreaterThan(
      before.sum(MetricNames.requests, { service: 'learning', type: 'query' }) ?? 0,
    );
  });

  it('counts errors by extensions.code: a validation failure and a refused body', async () => {
    const before = await scrape(metricsUrl);
    const invalid = await postGraphQL(live.stack.gatewayUrl, 'query MetricsInvalid { noSuchField }');
    expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const refused = await fetch(live.stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(refused.status).toBe(400);
    const after = await scrape(metricsUrl);
    for (const code of ['GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST']) {
      const labels = { service: 'gateway', code };
      expect(after.sum(MetricNames.errors, labels)).toBe((before.sum(MetricNames.errors, labels) ?? 0) + 1);
    }
  });

  it('reports every outbox drained to 0 once the relays have published, Kafka lag per group, and the pool', async () => {
    // The harness's logins wrote events; the relays publish them within a poll or two.
    await eventually(
      async () => {
        const { sum } = await scrape(metricsUrl);
        return Domains.every((domain) => sum(MetricNames.outboxUnpublished, { domain }) === 0)
          ? true
          : undefined;
      },
      20_000,
      'every outbox at 0',
    );
    // Lag is end offset minus committed offset: a series appears once a group has committed (under load
    // that can come after the outboxes drain), so wait for it rather than read one scrape.
    const { samples, sum } = await eventually(
      async () => {
        const scraped = await scrape(metricsUrl);
        return scraped.samples.some((s) => s.name === MetricNames.consumerLag) ? scraped : undefined;
      },
      30_000,
      'consumer lag series',
    );
    const lag = samples.filter((s) => s.name === MetricNames.consumerLag);
    expect(lag.length).toBeGreaterThan(0);
    expect(lag[0]!.labels).toEqual({
      group: expect.any(String),
      topic: expect.any(String),
      partition: expect.any(String),
    });
    expect(sum(MetricNames.dbPoolConnections, { state: 'total' })).toBeGreaterThan(0);
    expect(sum(MetricNames.dbPoolMax)).toBeGreaterThan(0);
  });

  it('shows live sockets and subscriptions go up and down, and times the fan-out delivery', async () => {
    const before = await scrape(metricsUrl);
    const sockets = before.sum(MetricNames.liveSockets) ?? 0;
    const delivered = before.sum(`${MetricNames.liveDeliveryDuration}_count`, { field: 'marketTicks' }) ?? 0;
    const client = live.connect(live.tokens.premium);
    const ticks = client.subscribe<{ marketTicks: { symbol: string } }>(TICKS, { symbols: ['BTC-USDT'] });
    await live.waitForSubscribers(1);
    const during = await scrape(metricsUrl);
    expect(during.sum(MetricNames.liveSockets)).toBe(sockets + 1);
    expect(during.sum(MetricNames.liveSubscriptions)).toBeGreaterThanOrEqual(1);

    await live.produceMarketTick('BTC-USDT', '60002');
    await eventually(async () => ticks.messages[0], 15_000, 'a BTC tick');
    const afterTick = await scrape(metricsUrl);
    expect(afterTick.sum(`${MetricNames.liveDeliveryDuration}_count`, { field: 'marketTicks' })).toBe(
      delivered + 1,
    );

    await client.dispose();
    await eventually(
      async () => ((await scrape(metricsUrl)).sum(MetricNames.liveSockets) === sockets ? true : undefined),
      10_000,
      'the socket closed',
    );
    expect((await scrape(metricsUrl)).sum(MetricNames.liveSubscriptions)).toBe(0);
  });
});
