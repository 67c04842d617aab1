// Hive Gateway for the benchmark, in a process of its own: the same supergraph file, and a plugin that
// does what our gateway does for identity with OUR code (gateway/auth/gatewayAuth.ts verifies the
// access token against identity's JWKS and the session denylist in Redis; platform/auth/viewer.ts
// signs the viewer, client and correlation id for the subgraphs). What it does NOT do is listed in
// bench/gateway/README.md.
import { createRequire } from 'node:module';
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import { GraphQLError } from 'graphql';
import { createGatewayAuth, type Authenticated } from '../../gateway/auth/gatewayAuth';
import { signGatewayRequest } from '../../platform/auth/gatewaySignature';
import { viewerHeaders } from '../../platform/auth/viewer';
import { correlationIdOf, HttpRefusal } from '../../platform/graphqlHttp';
import { createLogger, CORRELATION_HEADER } from '../../platform/logger';
import { Domains } from '../../platform/events/envelope';
import { supergraphPath } from '../../platform/topology';

interface SignedContext {
  req?: IncomingMessage;
  signed?: Authenticated & { correlationId: string };
}

/** The part of @graphql-hive/gateway used here. */
interface HivePlugin {
  onContextBuilding(payload: {
    context: SignedContext;
    extendContext(extension: Partial<SignedContext>): void;
  }): Promise<void>;
  onFetch(payload: {
    context: SignedContext | object;
    url: string;
    options: { headers?: unknown; method?: string; body?: unknown };
    setOptions(options: { headers?: unknown }): void;
  }): void;
}
interface HiveModule {
  createGatewayRuntime(config: Record<string, unknown>): RequestListener & { dispose(): Promise<void> };
}
// Loaded untyped on purpose: its typings augment graphql's GraphQLErrorExtensions (Yoga's `http`
// extension) for the whole program, which would change how our own gateway code type-checks.
const { createGatewayRuntime } = createRequire(__filename)('@graphql-hive/gateway') as HiveModule;

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`hiveGateway: ${name} is not set`);
  return value;
};

const secret = env('GATEWAY_SECRET');
const subgraphOfUrl = new Map<string, string>(
  Domains.map((name) => {
    const url = new URL(env(`${name.toUpperCase()}_URL`));
    return [`${url.origin}${url.pathname}`, name];
  }),
);
const logger = createLogger({ name: 'hive-gateway', level: 'warn' });
const auth = createGatewayAuth({
  jwksUrl: env('JWKS_URL'),
  issuer: 'tradeschool-identity',
  audience: 'tradeschool-api',
  redisUrl: env('REDIS_URL'),
  logger,
});

const identityAndSigning: HivePlugin = {
  async onContextBuilding({ context, extendContext }) {
    const req = context.req;
    if (!req) return;
    const correlationId = correlationIdOf(req);
    try {
      extendContext({ signed: { ...(await auth.authenticate(req, correlationId)), correlationId } });
    } catch (error) {
      if (!(error instanceof HttpRefusal)) throw error;
      throw new GraphQLError(error.message, {
        extensions: { code: error.code, http: { status: error.status } },
      });
    }
  },
  // Signed per fetch like our gateway's fetcher: method, subgraph, path and body bytes, with a nonce.
  onFetch({ context, url, options, setOptions }) {
    const signed = 'signed' in context ? context.signed : undefined;
    const correlationId = signed?.correlationId ?? 'gateway-internal';
    const identity = viewerHeaders(signed?.viewer ?? null, signed?.client ?? null);
    const target = new URL(url);
    const headers: Record<string, string> = {
      ...(options.headers as Record<string, string> | undefined),
      [CORRELATION_HEADER]: correlationId,
      ...identity,
      ...signGatewayRequest(
        secret,
        {
          method: options.method ?? 'POST',
          subgraph: subgraphOfUrl.get(`${target.origin}${target.pathname}`) ?? '',
          path: `${target.pathname}${target.search}`,
          body: typeof options.body === 'string' ? options.body : '',
        },
        { viewer: identity['x-viewer'], client: identity['x-viewer-client'], correlationId },
      ),
    };
    setOptions({ ...options, headers });
  },
};

const runtime = createGatewayRuntime({
  supergraph: supergraphPath,
  transportEntries: Object.fromEntries(
    Domains.map((name) => [
      name,
      {
        location: env(`${name.toUpperCase()}_URL`),
        // On by default: identical subgraph queries in flight share one fetch. Its key does not see
        // headers added in onFetch, so with per-user headers it can share one user's answer with
        // another; BENCH_HIVE_DEDUPE=off measures Hive without it (see README.md).
        ...(process.env.BENCH_HIVE_DEDUPE === 'off'
          ? { options: { deduplicateInflightRequests: false } }
          : {}),
      },
    ]),
  ),
  disableIntrospection: { disableIf: () => true },
  logging: 'warn',
  plugins: () => [identityAndSigning],
});

const server = createServer(runtime);
server.keepAliveTimeout = 65_000;
server.listen(Number(env('PORT')), '127.0.0.1');

process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void Promise.all([runtime.dispose(), auth.close()]).finally(() => process.exit(0));
});
