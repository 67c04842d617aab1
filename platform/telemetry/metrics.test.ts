import { boundedLabel, createMetrics, MetricNames } from './metrics';

describe('boundedLabel', () => {
  const label = boundedLabel(/^[A-Za-z_]\w*$/, 2, '__other', '__anonymous');

  it('keeps name-shaped values up to the limit, then folds new ones into the overflow label', () => {
    expect(label('First')).toBe('First');
    expect(label('Second')).toBe('Second');
    expect(label('Third')).toBe('__other');
    // Values already seen keep their own label after the limit.
    expect(label('First')).toBe('First');
  });

  it('names missing values and refuses values that are not names', () => {
    expect(label(undefined)).toBe('__anonymous');
    expect(label('')).toBe('__anonymous');
    expect(boundedLabel(/^\w+$/, 10, '__other', '-')('query { me }')).toBe('__other');
  });
});

describe('createMetrics', () => {
  it('gives each registry its own series (two stacks in one process do not share counts)', async () => {
    const one = createMetrics();
    const two = createMetrics();
    one.requests.inc({ service: 'gateway', operation: 'Q', type: 'query' });
    const valueIn = async (metrics: ReturnType<typeof createMetrics>) =>
      (await metrics.registry.getSingleMetric(MetricNames.requests)!.get()).values.reduce(
        (n, v) => n + v.value,
        0,
      );
    expect(await valueIn(one)).toBe(1);
    expect(await valueIn(two)).toBe(0);
  });

  it('reads state gauges from their sources at scrape time and forgets a source once removed', async () => {
    const metrics = createMetrics();
    let backlog = 3;
    const stop = metrics.observeOutbox('billing', async () => backlog);
    expect(await metrics.registry.getSingleMetricAsString(MetricNames.outboxUnpublished)).toContain(
      'outbox_unpublished_events{domain="billing"} 3',
    );
    backlog = 0;
    expect(await metrics.registry.getSingleMetricAsString(MetricNames.outboxUnpublished)).toContain(
      'outbox_unpublished_events{domain="billing"} 0',
    );
    stop();
    expect(await metrics.registry.getSingleMetricAsString(MetricNames.outboxUnpublished)).not.toContain(
      'billing',
    );
  });
});
