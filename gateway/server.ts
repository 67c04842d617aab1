import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { verifyAccessToken } from '../platform/auth/accessToken';
import { Domains, type Domain } from '../platform/events/envelope';
import { createGraphQLHttpServer, HttpRefusal } from '../platform/graphqlHttp';
import { createHealthHandler } from '../platform/health';
import { createLivePubSub } from '../platform/pubsub';
import type { Logger } from '../platform/logger';
import { requestLogging } from '../platform/requestLogging';
import { maskInternalErrors } from '../platform/subgraph';
import { supergraphPath } from '../platform/topology';
import type { GatewayConfig } from './config';
import { createIdeHandler } from './ide';
import { SignedSubgraphDataSource, type GatewayContext } from './subgraphDataSource';

export function subgraphUrls(config: GatewayConfig): Record<Domain, string> {
  return Object.fromEntries(
    Domains.map((name) => [name, config[`${name.toUpperCase() as Uppercase<Domain>}_URL`]]),
  ) as Record<Domain, string>;
}

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new HttpRefusal(401, 'UNAUTHENTICATED', 'Authorization must be "Bearer <access token>"');
  return match[1];
}

/** The supergraph's front door: verifies the caller, plans queries, fans out to subgraphs. */
export function createGatewayServer(config: GatewayConfig, logger: Logger) {
  const urls = subgraphUrls(config);
  const gateway = new ApolloGateway({
    // Composed at build time (npm run compose) and checked in: no composition at start-up.
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    buildService: ({ name }) =>
      new SignedSubgraphDataSource(urls[name as Domain] ?? '', config.GATEWAY_SECRET),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: maskInternalErrors(logger),
    plugins: [requestLogging<GatewayContext>(logger)],
  });
  const jwksUrl = config.JWKS_URL ?? new URL('/.well-known/jwks.json', urls.identity).toString();
  const jwks: JWTVerifyGetKey = createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000 });
  const tokenSettings = { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE };

  async function context(req: IncomingMessage, correlationId: string): Promise<GatewayContext> {
    const token = bearerToken(req);
    if (!token) return { viewer: null, correlationId };
    try {
      return { viewer: await verifyAccessToken(token, jwks, tokenSettings), correlationId };
    } catch (error) {
      logger.info({ correlationId, reason: (error as Error).message }, 'access token rejected');
      throw new HttpRefusal(401, 'UNAUTHENTICATED', 'Invalid or expired access token');
    }
  }

  // Live events for graphql-ws subscribers arrive here from the signals fan-out (Redis across nodes).
  const pubsub = createLivePubSub(config.REDIS_URL);
  const health = createHealthHandler({
    ...Object.fromEntries(
      Domains.map((name) => [
        name,
        async () => (await fetch(new URL('/readyz', urls[name]), { signal: AbortSignal.timeout(1_500) })).ok,
      ]),
    ),
    ...(pubsub.kind === 'redis' ? { redis: () => pubsub.ready() } : {}),
  });
  const http = createGraphQLHttpServer({
    apollo,
    logger,
    context,
    routes: [
      (req, res) => health.handle(req, res),
      createIdeHandler({ graphqlPath: '/graphql', title: 'TradeSchool API' }),
    ],
  });

  return {
    pubsub,
    async start(port = config.PORT, host = config.HOST): Promise<string> {
      await apollo.start();
      const bound = await http.listen(port, host);
      const shownHost = host === '0.0.0.0' ? 'localhost' : host;
      logger.info({ port: bound }, 'gateway listening');
      return `http://${shownHost}:${bound}/graphql`;
    },
    async stop(): Promise<void> {
      health.markDraining();
      await http.close();
      await apollo.stop();
      await pubsub.close();
    },
  };
}

export type GatewayServer = ReturnType<typeof createGatewayServer>;
