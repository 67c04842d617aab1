import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import { CORRELATION_HEADER, inRequestScope, type Logger } from './logger';
import type { Metrics } from './telemetry/metrics';
import { contextFrom, inSpan, SpanKind } from './telemetry/tracing';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  logger: Logger;
  path?: string;
  maxBodyBytes?: number;
  /** Tried in order before GraphQL; the first that returns true has answered (health, IDE...). */
  routes?: RequestHandler[];
  /**
   * Builds the per-request context; a thrown error with `status` answers with that status. `rawBody`
   * is the exact bytes received (subgraphs check the gateway's signature over them).
   */
  context: (req: IncomingMessage, correlationId: string, rawBody: Buffer) => Promise<TContext>;
  /** Rewrites or refuses (HttpRefusal) a parsed request before the context and GraphQL (trusted documents). */
  prepareRequest?: (request: HTTPGraphQLRequest) => HTTPGraphQLRequest;
  /**
   * The service's name on its spans and series; `continueTraces`: join the caller's `traceparent`
   * (subgraphs, called by the gateway) rather than start a trace (the gateway, called by anyone).
   */
  telemetry?: { service: string; continueTraces: boolean; metrics?: Metrics | undefined };
}

/** Thrown by a context factory to refuse a request before GraphQL runs (e.g. not from the gateway). */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const correlationIdPattern = /^[A-Za-z0-9._-]{8,128}$/;

export function correlationIdOf(req: IncomingMessage): string {
  const supplied = req.headers[CORRELATION_HEADER];
  const value = Array.isArray(supplied) ? supplied[0] : supplied;
  return value && correlationIdPattern.test(value) ? value : randomUUID();
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpRefusal(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res
    .writeHead(status, { 'content-type': 'application/json' })
    .end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Apollo Server on plain node:http through its integration API (executeHTTPGraphQLRequest), so
 * health probes and other routes share the port without a web framework.
 */
export function createGraphQLHttpServer<TContext extends BaseContext>(options: GraphQLHttpOptions<TContext>) {
  const { apollo, logger, path = '/graphql', maxBodyBytes = 1_000_000, routes = [], telemetry } = options;
  const service = telemetry?.service ?? 'graphql';
  /** Refusals never reach Apollo's plugins: counted here with the same series. */
  const countRefusal = (code: string) => telemetry?.metrics?.errors.inc({ service, code });

  async function handle(req: IncomingMessage, res: ServerResponse, correlationId: string): Promise<void> {
    res.setHeader(CORRELATION_HEADER, correlationId);
    for (const route of routes) if (await route(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== path) return sendError(res, 404, 'NOT_FOUND', `No route for ${url.pathname}`);
    await inSpan(
      `${service} ${req.method ?? 'GET'} ${path}`,
      {
        kind: SpanKind.SERVER,
        parent: contextFrom(telemetry?.continueTraces ? req.headers : undefined),
        attributes: {
          'http.request.method': req.method ?? 'GET',
          'url.path': path,
          'service.component': service,
        },
      },
      () => execute(req, res, url, correlationId),
    );
  }

  async function execute(req: IncomingMessage, res: ServerResponse, url: URL, correlationId: string) {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const rawBody = req.method === 'POST' ? await readBody(req, maxBodyBytes) : Buffer.alloc(0);
    const raw = rawBody.toString('utf8');
    let body: unknown = raw;
    if (raw && headers.get('content-type')?.includes('application/json')) {
      try {
        body = JSON.parse(raw);
      } catch {
        countRefusal('BAD_REQUEST');
        return sendError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON');
      }
    }
    const parsed: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body };
    const httpGraphQLRequest = options.prepareRequest ? options.prepareRequest(parsed) : parsed;
    const contextValue = await options.context(req, correlationId, rawBody);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => contextValue,
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  const server: Server = createServer((req, res) => {
    const correlationId = correlationIdOf(req);
    inRequestScope(correlationId, () =>
      handle(req, res, correlationId).catch((error: unknown) => {
        if (error instanceof HttpRefusal) {
          countRefusal(error.code);
          return sendError(res, error.status, error.code, error.message);
        }
        countRefusal('INTERNAL_SERVER_ERROR');
        logger.error({ correlationId, err: error, url: req.url }, 'request failed');
        if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
        else res.end();
      }),
    );
  });
  // Upstream keep-alive must outlive the gateway's pooled connections' idle time.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  return {
    server,
    async listen(port: number, host = '127.0.0.1'): Promise<number> {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    },
    /** Stops accepting, lets in-flight requests finish, then drops idle keep-alive sockets. */
    async close(): Promise<void> {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 10_000);
      await closed;
      clearTimeout(force);
    },
  };
}

export type GraphQLHttpServer = ReturnType<typeof createGraphQLHttpServer>;
