import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { signGatewayRequest } from '../platform/auth/gatewaySignature';
import { VIEWER_CLIENT_HEADER, VIEWER_HEADER } from '../platform/auth/viewer';
import { CORRELATION_HEADER } from '../platform/logger';
import { injectTrace, inSpan, SpanKind } from '../platform/telemetry/tracing';

interface RawResponse {
  url: string;
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Just what RemoteGraphQLDataSource reads of a response, over a body already in memory. */
class SubgraphResponse implements FetcherResponse {
  readonly redirected = false;
  bodyUsed = false;
  readonly headers: Headers;
  constructor(private readonly raw: RawResponse) {
    this.headers = new Headers();
    for (const [name, value] of Object.entries(raw.headers)) {
      if (value !== undefined) this.headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }
  get url() {
    return this.raw.url;
  }
  get status() {
    return this.raw.status;
  }
  get statusText() {
    return this.raw.statusText;
  }
  get ok() {
    return this.raw.status >= 200 && this.raw.status < 300;
  }
  async text() {
    this.bodyUsed = true;
    return this.raw.body;
  }
  async json(): Promise<unknown> {
    this.bodyUsed = true;
    return JSON.parse(this.raw.body);
  }
  async arrayBuffer() {
    this.bodyUsed = true;
    const bytes = Buffer.from(this.raw.body);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
  clone() {
    return new SubgraphResponse(this.raw);
  }
}

// Pooled keep-alive connections: a subgraph call reuses a socket instead of opening one per request.
// An idle socket is dropped before the subgraph's own keep-alive timeout (65 s, or its Keep-Alive
// hint), so a request is never written into a socket the server is closing.
const pool = {
  keepAlive: true,
  keepAliveMsecs: 30_000,
  maxSockets: 128,
  maxFreeSockets: 128,
  timeout: 60_000,
};
const agents = { 'http:': new Agent(pool), 'https:': new HttpsAgent(pool) };

function send(url: string, init: FetcherRequestInit): Promise<RawResponse> {
  const target = new URL(url);
  const https = target.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(
      target,
      {
        method: init.method ?? 'POST',
        headers: init.headers,
        agent: agents[https ? 'https:' : 'http:'],
        signal: init.signal as AbortSignal | undefined,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            url,
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Only reads are shared: a mutation always runs once per client request. */
function isQuery(body: string | Buffer | undefined): body is string {
  return typeof body === 'string' && (body.startsWith('{"query":"query') || body.startsWith('{"query":"{'));
}

export interface SubgraphSigning {
  secret: string;
  /** The subgraph this fetcher calls: part of the signature, so a request cannot be redirected. */
  subgraph: string;
}

/** Told the duration (seconds) and outcome ('2xx', '5xx', 'error'...) of every call really sent. */
export type SubgraphFetchObserver = (seconds: number, outcome: string) => void;

/**
 * Signs one fetch right before it is sent: over its method, subgraph, path and exact body, with a
 * fresh nonce and timestamp, so each subgraph call is single-use and cannot be redirected or edited.
 * The viewer, client and correlation id are the headers the data source set (encoded once per
 * client request); the HMAC is one SHA-256 of the body and one HMAC-SHA-256, a few microseconds.
 */
function signed(url: string, init: FetcherRequestInit, signing: SubgraphSigning): FetcherRequestInit {
  const headers = init.headers ?? {};
  const target = new URL(url);
  const signature = signGatewayRequest(
    signing.secret,
    {
      method: init.method ?? 'POST',
      subgraph: signing.subgraph,
      path: `${target.pathname}${target.search}`,
      body: init.body ?? '',
    },
    {
      viewer: headers[VIEWER_HEADER] ?? '',
      client: headers[VIEWER_CLIENT_HEADER] ?? '',
      correlationId: headers[CORRELATION_HEADER] ?? '',
    },
  );
  return { ...init, headers: { ...headers, ...signature } };
}

/**
 * The gateway's fetcher for subgraph calls: keep-alive sockets, and identical queries in flight at the
 * same time share one subgraph call. Identical means same URL, same query and variables AND the same
 * signed viewer and client: one caller's answer is never handed to another. (The correlation id,
 * timestamp and nonce are left out of the key; the subgraph logs the first caller's id.) With
 * `signing`, every call that is really sent is signed (unsigned: the fetcher's own tests).
 */
export function createSubgraphFetcher(signing?: SubgraphSigning, observe?: SubgraphFetchObserver): Fetcher {
  const inFlight = new Map<string, Promise<RawResponse>>();
  const subgraph = signing?.subgraph ?? 'subgraph';
  // A client span per call really sent, its `traceparent` in the headers: not signed, as it grants
  // nothing (the signature covers what the subgraph trusts: method, path, body, viewer, client).
  const sendSigned = (url: string, init: FetcherRequestInit) =>
    inSpan(
      `gateway fetch ${subgraph}`,
      {
        kind: SpanKind.CLIENT,
        attributes: { 'server.address': new URL(url).host, 'graphql.subgraph': subgraph },
      },
      async () => {
        const trace: Record<string, string> = {};
        injectTrace(trace);
        const traced =
          Object.keys(trace).length > 0 ? { ...init, headers: { ...init.headers, ...trace } } : init;
        const started = performance.now();
        try {
          const raw = await send(url, signing ? signed(url, traced, signing) : traced);
          observe?.((performance.now() - started) / 1000, `${Math.floor(raw.status / 100)}xx`);
          return raw;
        } catch (error) {
          observe?.((performance.now() - started) / 1000, 'error');
          throw error;
        }
      },
    );
  return async (url, init = {}) => {
    if (!isQuery(init.body)) return new SubgraphResponse(await sendSigned(url, init));
    const headers = init.headers ?? {};
    const key = `${url}\n${headers[VIEWER_HEADER] ?? ''}\n${headers[VIEWER_CLIENT_HEADER] ?? ''}\n${init.body}`;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = sendSigned(url, init).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return new SubgraphResponse(await pending);
  };
}
