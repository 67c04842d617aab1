import { randomUUID } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { Topics } from '../../platform/events/topics';
import { startTracing } from '../../platform/telemetry/tracing';
import { createSeededTestDatabase, type TestDatabase } from '../support/database';
import { eventually } from '../support/env';
import { expectData } from '../support/graphqlClient';
import { startTestStack, type TestStack } from '../support/testStack';

/**
 * W3C trace context end to end, on the real services: the gateway starts a trace, its subgraph fetch
 * carries `traceparent` (and the gateway's signature still verifies, or the query would be refused),
 * the outbox row keeps it, and the consumer of the event on Kafka continues the same trace.
 */
describe('OpenTelemetry traces', () => {
  // Registered before the stack starts: the SDK's provider, propagator and context manager are global.
  const exporter = new InMemorySpanExporter();
  const tracing = startTracing({
    serviceName: 'tracing-test',
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
  let db: TestDatabase;
  let stack: TestStack;

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    stack = await startTestStack(db, 'e2e-tracing');
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await db?.drop();
    await tracing.stop();
  });

  const spans = () => exporter.getFinishedSpans();
  const requestSpan = (operation: string) =>
    spans().find((s) => s.kind === SpanKind.SERVER && s.attributes['graphql.operation.name'] === operation);
  const inTrace = (root: ReadableSpan) =>
    spans().filter((s) => s.spanContext().traceId === root.spanContext().traceId);

  it('puts the gateway request, its subgraph fetch and the subgraph request in one trace', async () => {
    await expectData(stack.gatewayUrl, 'query TracedCatalog { courses(first: 1) { totalCount } }');
    const root = await eventually(async () => requestSpan('TracedCatalog'), 5_000, 'the gateway span');
    expect(root.name).toBe('gateway POST /graphql');
    expect(root.parentSpanContext).toBeUndefined();
    const trace = inTrace(root);
    const fetch = trace.find(
      (s) => s.kind === SpanKind.CLIENT && s.attributes['graphql.subgraph'] === 'learning',
    );
    const subgraph = trace.find((s) => s.kind === SpanKind.SERVER && s.name === 'learning POST /graphql');
    expect(fetch?.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
    expect(subgraph?.parentSpanContext?.spanId).toBe(fetch?.spanContext().spanId);
  });

  it("continues the request's trace through the outbox and Kafka into the event's consumers", async () => {
    await expectData(
      stack.gatewayUrl,
      'mutation TracedRegister($input: RegisterInput!) { register(input: $input) { user { id } } }',
      {
        input: { email: `traced-${randomUUID()}@example.test`, password: 'Correct-Horse-42', name: 'Traced' },
      },
    );
    const root = await eventually(async () => requestSpan('TracedRegister'), 5_000, 'the gateway span');
    const consumed = await eventually(
      async () => {
        const found = inTrace(root).find(
          (s) =>
            s.kind === SpanKind.CONSUMER &&
            s.name === `consume ${Topics.userRegistered}` &&
            s.attributes['messaging.consumer.group.name'] === 'billing.free-plan',
        );
        return found;
      },
      20_000,
      'the billing consumer span',
    );
    // consumer ← producer (the relay's publish) ← identity's request span ← the gateway's fetch.
    const published = inTrace(root).find(
      (s) => s.spanContext().spanId === consumed.parentSpanContext?.spanId,
    );
    expect(published).toMatchObject({ kind: SpanKind.PRODUCER, name: `publish ${Topics.userRegistered}` });
    const identity = inTrace(root).find(
      (s) => s.spanContext().spanId === published?.parentSpanContext?.spanId,
    );
    expect(identity?.name).toBe('identity POST /graphql');
  });
});
