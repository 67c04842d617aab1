import type { IncomingMessage } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { verifyGatewayHeaders, type ClientInfo, type Viewer } from '../../platform/auth/viewer';
import { createGraphQLHttpServer, HttpRefusal, type RequestHandler } from '../../platform/graphqlHttp';
import { createHealthHandler, type ReadinessCheck } from '../../platform/health';
import { applyPermissions, type SubgraphPermissions } from '../../platform/permissions';
import type { Logger } from '../../platform/logger';
import type { PrismaClient } from '../../platform/prisma';
import { requestLogging } from '../../platform/requestLogging';
import { maskInternalErrors } from '../../platform/subgraph';
import type { IdentityContext } from './context';
import { createIdentityLoaders } from './loaders';

export interface IdentityHttpOptions {
  typeDefs: DocumentNode;
  resolvers: object;
  prisma: PrismaClient;
  logger: Logger;
  gatewaySecret: string;
  readiness: Record<string, ReadinessCheck>;
  routes: RequestHandler[];
  /** Plugins that need the built schema (attempt charging). */
  plugins?: (schema: GraphQLSchema) => ApolloServerPlugin<IdentityContext>[];
  /** graphql-shield rules; fields they do not name are denied. */
  permissions?: SubgraphPermissions;
}

/**
 * platform/subgraph.ts's server, with one addition identity needs: the client's IP and user agent,
 * which the gateway signs along with the viewer (sessions list, per-IP lockout, audit trail). The
 * zero-trust check is the same: nothing without the gateway's signature gets in.
 */
export function createIdentityHttpServer(options: IdentityHttpOptions) {
  const { prisma, gatewaySecret } = options;
  const logger = options.logger.child({ subgraph: 'identity' });
  const subgraphSchema = buildSubgraphSchema({
    typeDefs: options.typeDefs,
    resolvers: options.resolvers as GraphQLResolverMap<unknown>,
  });
  const schema = options.permissions ? applyPermissions(subgraphSchema, options.permissions) : subgraphSchema;
  const apollo = new ApolloServer<IdentityContext>({
    schema,
    introspection: true,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: maskInternalErrors(logger),
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      requestLogging<IdentityContext>(logger),
      ...(options.plugins?.(schema) ?? []),
    ],
  });
  const health = createHealthHandler(options.readiness);

  function contextFor(
    viewer: Viewer | null,
    client: ClientInfo | null,
    correlationId: string,
  ): IdentityContext {
    return {
      prisma,
      logger: logger.child({ correlationId }),
      correlationId,
      viewer,
      client,
      loaders: createIdentityLoaders(prisma),
      // Only built for signed requests (context below) or tests standing in for the gateway.
      gatewayVerified: true,
    };
  }

  async function context(req: IncomingMessage, correlationId: string): Promise<IdentityContext> {
    const verified = verifyGatewayHeaders(req.headers, correlationId, gatewaySecret);
    if (!verified.ok) throw new HttpRefusal(401, 'UNAUTHENTICATED', `Subgraph identity: ${verified.reason}`);
    return contextFor(verified.viewer, verified.client, correlationId);
  }

  const http = createGraphQLHttpServer({
    apollo,
    logger,
    context,
    routes: [(req, res) => health.handle(req, res), ...options.routes],
  });

  return {
    name: 'identity' as const,
    apollo,
    schema,
    /** Context for `apollo.executeOperation` in tests, as the gateway would have produced it. */
    testContext(
      viewer: Viewer | null,
      client: ClientInfo | null = null,
      correlationId = 'test-correlation-id',
    ) {
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
    },
  };
}
