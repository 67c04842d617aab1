import {
  context,
  INVALID_SPAN_CONTEXT,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { NodeSDK, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';

/**
 * Spans are made by our own code at the few places a request crosses a boundary (HTTP in, subgraph
 * fetch out, outbox publish, event consume) rather than by auto-instrumentation: the http/pg/kafkajs
 * instrumentations patch modules as they are required, which needs a `--require` hook before any
 * import (and does not work under jest, which loads modules its own way). Explicit spans are
 * deterministic, testable with an in-memory exporter, and name what we care about.
 *
 * Nothing is registered unless tracing is started, and until then spans and propagation here are
 * skipped outright (a few hundred ns a request); no `traceparent` is sent or stored.
 */
const tracer = () => trace.getTracer('tradeschool');
/** Set by startTracing: until then spans are skipped outright (the gateway is benchmarked per µs). */
let enabled = false;
const noSpan = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

export interface TracingOptions {
  serviceName: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: unset (and no `spanProcessors`), tracing stays off. */
  endpoint?: string | undefined;
  /** Tests: an in-memory exporter's processor instead of the OTLP exporter. */
  spanProcessors?: NodeSDKConfiguration['spanProcessors'];
}

/**
 * Starts OpenTelemetry's Node SDK for this process: W3C trace context propagation, the OTLP exporter
 * configured by the standard OTEL_* variables. Metrics and logs stay with prom-client and pino.
 */
export function startTracing(options: TracingOptions): { stop(): Promise<void> } {
  if (!options.endpoint && !options.spanProcessors) return { stop: async () => {} };
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    // Cloud detectors probe metadata hosts over the network at start; the service name is enough.
    autoDetectResources: false,
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [],
    ...(options.spanProcessors ? { spanProcessors: options.spanProcessors } : {}),
  });
  sdk.start();
  enabled = true;
  return {
    async stop() {
      enabled = false;
      await sdk.shutdown();
    },
  };
}

type Carrier = Record<string, string | string[] | undefined>;

const getter = {
  keys: (carrier: Carrier) => Object.keys(carrier),
  get: (carrier: Carrier, key: string) => carrier[key],
};

/** The trace a carrier (request headers, an event envelope's fields) continues; none: a new one. */
export function contextFrom(carrier: Carrier | undefined): Context {
  return carrier ? propagation.extract(ROOT_CONTEXT, carrier, getter) : ROOT_CONTEXT;
}

/** Adds `traceparent` (and `tracestate`) of the active span to outgoing headers; nothing when off. */
export function injectTrace(headers: Record<string, string>, from: Context = context.active()): void {
  if (enabled) propagation.inject(from, headers);
}

/** The active span's `traceparent`, to store with an outbox row; null when tracing is off. */
export function currentTraceparent(): string | null {
  const headers: Record<string, string> = {};
  injectTrace(headers);
  return headers.traceparent ?? null;
}

export interface SpanOptions {
  kind: SpanKind;
  attributes?: Attributes;
  /** The parent; unset: the active context. */
  parent?: Context;
}

/** Runs `work` in a new active span; an error marks the span and is rethrown. */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  if (!enabled) return work(noSpan);
  const parent = options.parent ?? context.active();
  return tracer().startActiveSpan(
    name,
    { kind: options.kind, attributes: options.attributes },
    parent,
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** A span ended by the caller (one per event of a batch, around the batch's publish). */
export function startSpan(name: string, options: SpanOptions): Span {
  return tracer().startSpan(
    name,
    { kind: options.kind, attributes: options.attributes },
    options.parent ?? context.active(),
  );
}

/** `span`'s own trace context as a `traceparent` value; null for the no-op span of tracing off. */
export function traceparentOf(span: Span): string | null {
  const headers: Record<string, string> = {};
  injectTrace(headers, trace.setSpan(ROOT_CONTEXT, span));
  return headers.traceparent ?? null;
}

export { SpanKind };
