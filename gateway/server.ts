import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '../platform/auth/accessToken';
import { Domains, type Domain, type EventBus } from '../platform/events/envelope';
import { createGraphQLHttpServer } from '../platform/graphqlHttp';
import { createHealthHandler } from '../platform/health';
import { inputHygiene } from '../platform/inputHygiene';
import { createLivePubSub, type LivePubSub } from '../platform/pubsub';
import type { Logger } from '../platform/logger';
import { requestLogging } from '../platform/requestLogging';
import { maskInternalErrors } from '../platform/subgraph';
import { createMetrics, type Metrics } from '../platform/telemetry/metrics';
import { createMetricsListener, requestMetrics } from '../platform/telemetry/metricsHttp';
import { supergraphPath } from '../platform/topology';
import { createAdminAppHandler } from './adminApp';
import { clientInfoOf } from './auth/clientInfo';
import { createGatewayAuth } from './auth/gatewayAuth';
import { ideEnabled, type GatewayConfig } from './config';
import { allowedCorsOrigins, createCorsHandler } from './cors';
import { createIdeHandler } from './ide';
import { createGatewayProtection } from './limits/gatewayProtection';
import { gatewayResponseCache } from './responseCache';
import { createRazorpayWebhookForwarder } from './webhooks';
import { SignedSubgraphDataSource, type GatewayContext } from './subgraphDataSource';
import { attachLiveSubscriptions } from './subscriptions/gatewayLive';

export function subgraphUrls(config: GatewayConfig): Record<Domain, string> {
  return Object.fromEntries(
    Domains.map((name) => [name, config[`${name.toUpperCase() as Uppercase<Domain>}_URL`]]),
  ) as Record<Domain, string>;
}

/** The supergraph's front door: verifies the caller, plans queries, fans out to subgraphs. */
export function createGatewayServer(
  config: GatewayConfig,
  logger: Logger,
  /**
   * A pub/sub shared with the signals fan-out (in-process `npm start`); otherwise one of its own.
   * liveChannels: the live channels' names (tests use their own; LiveChannels by default).
   */
  shared: {
    pubsub?: LivePubSub;
    liveChannels?: { signals?: string; user?: string; ticks?: string };
    bus?: EventBus;
    /** The stack's registry (`npm start`); alone, the gateway has its own. */
    metrics?: Metrics;
  } = {},
) {
  const urls = subgraphUrls(config);
  const metrics = shared.metrics ?? createMetrics();
  // Query limits, rate limits and trusted documents (gateway/limits).
  const protection = createGatewayProtection(config, logger);
  const supergraphSdl = readFileSync(supergraphPath, 'utf8');
  // Anonymous public-catalog responses, dropped on learning.course.changed (gateway/responseCache).
  const responseCache = gatewayResponseCache(config, supergraphSdl, logger, shared.bus);
  const gateway = new ApolloGateway({
    // Composed at build time (npm run compose) and checked in: no composition at start-up.
    supergraphSdl,
    buildService: ({ name }) =>
      protection.boundSubgraphCalls(
        new SignedSubgraphDataSource(
          urls[name as Domain] ?? '',
          config.GATEWAY_SECRET,
          name,
          (seconds, outcome) => metrics.subgraphFetchDuration.observe({ subgraph: name, outcome }, seconds),
        ),
      ),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...protection.apolloOptions,
    includeStacktraceInErrorResponses: false,
    formatError: maskInternalErrors(),
    plugins: [
      // Apollo's own landing page on GET /graphql loads Apollo Sandbox from Apollo's CDN outside
      // production; our offline GraphiQL at `/` is the only IDE, and it follows the IDE setting.
      ApolloServerPluginLandingPageDisabled(),
      requestLogging<GatewayContext>(logger),
      inputHygiene<GatewayContext>(),
      requestMetrics<GatewayContext>(metrics, 'gateway'),
      protection.plugin,
      ...responseCache.plugins,
    ],
  });
  // Token verification (pinned alg, iss/aud/typ, JWKS cache, session denylist) lives in gateway/auth.
  const auth = createGatewayAuth({
    jwksUrl: config.JWKS_URL ?? new URL('/.well-known/jwks.json', urls.identity).toString(),
    issuer: ACCESS_TOKEN_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    redisUrl: config.REDIS_URL,
    jwksCacheMaxAgeMs: config.JWKS_CACHE_MAX_AGE_MS,
    jwksCooldownMs: config.JWKS_COOLDOWN_MS,
    trustedProxies: config.TRUSTED_PROXIES,
    logger,
  });

  async function context(req: IncomingMessage, correlationId: string): Promise<GatewayContext> {
    return { ...(await auth.authenticate(req, correlationId)), correlationId };
  }

  // Live events for graphql-ws subscribers arrive here from the signals fan-out (Redis across nodes).
  const pubsub = shared.pubsub ?? createLivePubSub(config.REDIS_URL);
  const health = createHealthHandler(
    {
      ...Object.fromEntries(
        Domains.map((name) => [
          name,
          async () =>
            (await fetch(new URL('/readyz', urls[name]), { signal: AbortSignal.timeout(1_500) })).ok,
        ]),
      ),
      ...(pubsub.kind === 'redis' ? { redis: () => pubsub.ready() } : {}),
      ...protection.readiness,
      // A subgraph down is reported, not fatal: the gateway answers SERVICE_UNAVAILABLE for its fields only.
    },
    { soft: Domains },
  );
  const http = createGraphQLHttpServer({
    apollo,
    logger,
    context,
    maxBodyBytes: config.MAX_BODY_BYTES,
    prepareRequest: protection.prepareRequest,
    // A client's traceparent is not continued: the gateway starts each trace (callers cannot pick ids).
    telemetry: { service: 'gateway', continueTraces: false, metrics },
    routes: [
      // First: a preflight is answered before anything else looks at the request.
      createCorsHandler(allowedCorsOrigins(config)),
      (req, res) => health.handle(req, res),
      ...(ideEnabled(config)
        ? [createIdeHandler({ graphqlPath: '/graphql', title: 'TradeSchool API' })]
        : []),
      // The admin dashboard (clients/admin, built by Vite) on the API's own origin.
      createAdminAppHandler(),
      createRazorpayWebhookForwarder(urls.billing, logger),
    ],
  });
  // A client that trickles its request in is cut off instead of holding a socket.
  http.server.requestTimeout = config.REQUEST_TIMEOUT_MS;
  // graphql-ws on the same port and path as HTTP GraphQL (gateway/subscriptions).
  const live = attachLiveSubscriptions({
    gateway,
    apollo,
    httpServer: http.server,
    pubsub,
    verifyToken: auth.verifyToken,
    currentTier: auth.currentTier,
    tierCheckMs: config.LIVE_TIER_CHECK_MS,
    logger,
    // FREE's delay arrives with each signal event (signals stamps releaseAt per tier).
    channels: shared.liveChannels,
    ...protection.live,
    clientOf: (req) => clientInfoOf(req, config.TRUSTED_PROXIES),
  });
  const stopObserving = [
    metrics.observeLive(() => ({ sockets: live.openSockets(), subscriptions: live.hub.stats().subscribers })),
    live.hub.observeDeliveries(({ field, latencyMs }) =>
      metrics.liveDeliveryDuration.observe({ field }, latencyMs / 1000),
    ),
  ];
  // Not on the public port: see platform/telemetry/metricsHttp.ts.
  const metricsListener = createMetricsListener(metrics);
  let metricsUrl: string | undefined;

  return {
    pubsub,
    live,
    metrics,
    /** Where /metrics is served (METRICS_PORT), once started. */
    get metricsUrl(): string | undefined {
      return metricsUrl;
    },
    /** Token verification, shared with the graphql-ws server's connection_init check. */
    auth,
    async start(port = config.PORT, host = config.HOST): Promise<string> {
      await apollo.start();
      const bound = await http.listen(port, host);
      await live.start();
      await responseCache.start();
      // Asked for a free port (tests, several gateways on one machine): the metrics listener too.
      metricsUrl = await metricsListener.listen(port === 0 ? 0 : config.METRICS_PORT, config.METRICS_HOST);
      const shownHost = host === '0.0.0.0' ? 'localhost' : host;
      logger.info({ port: bound, metrics: metricsUrl }, 'gateway listening');
      return `http://${shownHost}:${bound}/graphql`;
    },
    async stop(): Promise<void> {
      health.markDraining();
      for (const stopOne of stopObserving) stopOne();
      await live.stop();
      await http.close();
      await apollo.stop();
      if (!shared.pubsub) await pubsub.close();
      await auth.close();
      await protection.close();
      await responseCache.stop();
      await metricsListener.close();
    },
  };
}

export type GatewayServer = ReturnType<typeof createGatewayServer>;
