import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServerPlugin } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import type { Metrics } from './metrics';

/** GET /metrics in Prometheus' text format; false for any other path (the next route answers). */
export function metricsRoute(metrics: Metrics) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.url?.split('?')[0] !== '/metrics') return false;
    const body = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body);
    return true;
  };
}

/**
 * The gateway's metrics on a listener of their own (METRICS_PORT): the public port never serves
 * /metrics, so the internet cannot read operation names, error rates or pool sizes, and no allow-list
 * of proxy addresses has to be right. Only the scraper (in-cluster, a NetworkPolicy away) reaches it.
 */
export function createMetricsListener(metrics: Metrics) {
  const route = metricsRoute(metrics);
  const server = createServer((req, res) => {
    route(req, res)
      .then((served) => {
        if (!served) res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('metrics unavailable');
      });
  });
  return {
    async listen(port: number, host: string): Promise<string> {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const shownHost = host === '0.0.0.0' ? '127.0.0.1' : host;
      return `http://${shownHost}:${(server.address() as AddressInfo).port}/metrics`;
    },
    async close(): Promise<void> {
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * Counts and times every GraphQL operation, and counts its errors by extensions.code. The operation
 * name is the client's (or, in a subgraph, the gateway's query plan's), bounded by `operationLabel`;
 * the request's span (platform/graphqlHttp.ts) gets the same name and type.
 */
export function requestMetrics<C extends object>(metrics: Metrics, service: string): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      return {
        async willSendResponse({ errors, operation, operationName }) {
          const labels = {
            service,
            operation: metrics.operationLabel(operationName ?? request.operationName),
            type: operation?.operation ?? 'unparsed',
          };
          trace.getActiveSpan()?.setAttributes({
            'graphql.operation.name': labels.operation,
            'graphql.operation.type': labels.type,
          });
          metrics.requests.inc(labels);
          metrics.requestDuration.observe(labels, (performance.now() - started) / 1000);
          for (const error of errors ?? []) {
            metrics.errors.inc({ service, code: metrics.codeLabel(error.extensions?.code) });
          }
        },
      };
    },
  };
}
