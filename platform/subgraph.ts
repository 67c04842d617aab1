import type { IncomingMessage } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { createGatewayReplayGuard, type GatewayReplayGuard } from './auth/gatewayReplayGuard';
import { GatewayRefusals, verifyGatewayRequest, type GatewayRefusal } from './auth/gatewaySignature';
import type { ClientInfo, Viewer } from './auth/viewer';
import { createGraphQLHttpServer, HttpRefusal, type RequestHandler } from './graphqlHttp';
import { createHealthHandler, type ReadinessCheck } from './health';
import { inputHygiene } from './inputHygiene';
import { applyPermissions, type SubgraphPermissions } from './permissions';
import type { Logger } from './logger';
import { requestLogging } from './requestLogging';
import type { PrismaClient } from './prisma';
import type { Metrics } from './telemetry/metrics';
import { metricsRoute, requestMetrics } from './telemetry/metricsHttp';

/** What every resolver of every subgraph receives; `loaders` are new for each request. */
export interface SubgraphContext<L> {
  prisma: PrismaClient;
  logger: Logger;
  correlationId: string;
  viewer: Viewer | null;
  /** The caller's IP and user agent, signed by the gateway with the viewer (sessions, lockout, audit). */
  client: ClientInfo | null;
  loaders: L;
  /** The gateway's signature was verified (every HTTP request that gets in; tests mimic it). */
  gatewayVerified?: boolean;
}

export interface SubgraphOptions<L> {
  name: string;
  typeDefs: DocumentNode;
  /** The subgraph's generated `Resolvers` type (codegen.ts); federation fields included. */
  resolvers: object;
  prisma: PrismaClient;
  logger: Logger;
  gatewaySecret: string;
  /** Single use of gateway nonces; unset: an in-process guard of this server's own. */
  gatewayReplay?: GatewayReplayGuard | undefined;
  createLoaders: (prisma: PrismaClient, viewer: Viewer | null) => L;
  readiness: Record<string, ReadinessCheck>;
  routes?: RequestHandler[];
  /** graphql-shield rules (platform/permissions.ts); fields they do not name are denied. */
  permissions?: SubgraphPermissions;
  /** The process's registry (deps.infra.metrics): /metrics is served next to /healthz. */
  metrics?: Metrics;
  /** Extra Apollo plugins that need the built schema (identity's per-field attempt charging). */
  plugins?: (schema: GraphQLSchema) => ApolloServerPlugin<SubgraphContext<L>>[];
}

/**
 * Masks anything that is not a deliberate, coded error: the client sees the correlation id to quote,
 * the log has the detail (requestLogging logs it with that id; formatError has no request to name).
 */
export function maskInternalErrors() {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

export function createSubgraphServer<L>(options: SubgraphOptions<L>) {
  const { name, prisma, gatewaySecret } = options;
  const replay = options.gatewayReplay ?? createGatewayReplayGuard();
  const logger = options.logger.child({ subgraph: name });
  const subgraphSchema = buildSubgraphSchema({
    typeDefs: options.typeDefs,
    // Codegen's Resolvers type is stricter than Apollo's map; it is the one we check against.
    resolvers: options.resolvers as GraphQLResolverMap<unknown>,
  });
  const schema = options.permissions ? applyPermissions(subgraphSchema, options.permissions) : subgraphSchema;
  const apollo = new ApolloServer<SubgraphContext<L>>({
    schema,
    // The gateway's query planner is the only client; introspection stays on for `rover`-style tools
    // but nothing reaches this server without the gateway's signature anyway.
    introspection: true,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: maskInternalErrors(),
    // Traces are only for Apollo's hosted studio, which we do not use; they cost time per request.
    // Likewise @cacheControl hints (none in our schemas): the plugin would wrap every field resolver.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      requestLogging<SubgraphContext<L>>(logger),
      inputHygiene<SubgraphContext<L>>(),
      ...(options.metrics ? [requestMetrics<SubgraphContext<L>>(options.metrics, name)] : []),
      ...(options.plugins?.(schema) ?? []),
    ],
  });
  const health = createHealthHandler(options.readiness);

  /** Only built for signed requests (context below) or tests standing in for the gateway. */
  function contextFor(
    viewer: Viewer | null,
    client: ClientInfo | null,
    correlationId: string,
  ): SubgraphContext<L> {
    return {
      prisma,
      logger: logger.child({ correlationId }),
      correlationId,
      viewer,
      client,
      loaders: options.createLoaders(prisma, viewer),
      gatewayVerified: true,
    };
  }

  function refuse(refusal: GatewayRefusal, correlationId: string, req: IncomingMessage): never {
    const { status, code, message } = GatewayRefusals[refusal];
    logger.warn({ correlationId, code, method: req.method, path: req.url }, 'gateway signature refused');
    throw new HttpRefusal(status, code, `Subgraph ${name}: ${message}`);
  }

  async function context(
    req: IncomingMessage,
    correlationId: string,
    rawBody: Buffer,
  ): Promise<SubgraphContext<L>> {
    // Zero trust: only requests the gateway signed, for this subgraph, with these exact method, path
    // and body bytes, recently and once, get in; identity comes only from that signature.
    const target = { method: req.method ?? 'GET', subgraph: name, path: req.url ?? '/', body: rawBody };
    const verified = verifyGatewayRequest(gatewaySecret, req.headers, target, correlationId, {
      windowMs: replay.windowMs,
    });
    if (!verified.ok) return refuse(verified.refusal, correlationId, req);
    if (!(await replay.claim(name, verified.nonce, verified.nonceExpiresAt))) {
      return refuse('replayed', correlationId, req);
    }
    return contextFor(verified.viewer, verified.client, correlationId);
  }

  const http = createGraphQLHttpServer({
    apollo,
    logger,
    context,
    // /metrics like /healthz: unsigned, because subgraphs are reachable only inside the cluster
    // (NetworkPolicies: the gateway and the scraper); /graphql alone demands the gateway's signature.
    routes: [
      (req, res) => health.handle(req, res),
      ...(options.metrics ? [metricsRoute(options.metrics)] : []),
      ...(options.routes ?? []),
    ],
    telemetry: { service: name, continueTraces: true, metrics: options.metrics },
  });

  return {
    name,
    apollo,
    schema,
    /** Context for `apollo.executeOperation` in tests, as the gateway would have produced it. */
    testContext(
      viewer: Viewer | null,
      client: ClientInfo | null = null,
      correlationId = 'test-correlation-id',
    ): SubgraphContext<L> {
      return contextFor(viewer, client, correlationId);
    },
    async start(port: number, host?: string): Promise<string> {
      await apollo.start();
      const bound = await http.listen(port, host);
      logger.info({ port: bound }, 'subgraph listening');
      return `http://${host ?? '127.0.0.1'}:${bound}/graphql`;
    },
    async stop(): Promise<void> {
      health.markDraining();
      await http.close();
      await apollo.stop();
      if (!options.gatewayReplay) await replay.close();
    },
  };
}

export type SubgraphServer = ReturnType<typeof createSubgraphServer>;
