import { createAccessTokenSigner } from '../platform/auth/accessToken';
import type { Domain, EventBus } from '../platform/events/envelope';
import type { Logger } from '../platform/logger';
import { createLivePubSub } from '../platform/pubsub';
import { createInfrastructure, type Infrastructure } from '../platform/runtime';
import type { Subgraph, SubgraphDeps } from '../platform/subgraphModule';
import { subgraphDefaults } from '../platform/topology';
import { startEmbeddedRazorpay } from '../subgraphs/billing/razorpayServer/embedded';
import { createBillingSubgraph, type BillingOptions } from '../subgraphs/billing/server';
import { createIdentitySubgraph, type IdentityDeps } from '../subgraphs/identity/server';
import { createLearningSubgraph } from '../subgraphs/learning/server';
import { createReplayMarketFeed } from '../subgraphs/signals/marketFeed';
import { createSignalsSubgraph, type SignalsSubgraphOptions } from '../subgraphs/signals/server';
import { createTradingSubgraph } from '../subgraphs/trading/server';
import { gatewayConfigSchema } from './config';
import type { GatewayLimitOverrides } from './limits/limitsConfig';
import { createGatewayServer } from './server';

export interface StackOptions {
  databaseUrl: string;
  /** Unset: the in-process event bus. */
  kafkaBrokers?: string | undefined;
  redisUrl?: string | undefined;
  gatewaySecret: string;
  logger: Logger;
  /** 0 everywhere in tests; the documented defaults for `npm start`. */
  gatewayPort: number;
  subgraphPorts: 'defaults' | 'ephemeral';
  host?: string;
  outboxPollMs?: number;
  bus?: EventBus;
  /** Razorpay keys and API; unset: our Razorpay-compatible server, in-process on a free port. */
  billing?: BillingOptions;
  /** Identity's signing key (PEMs) and settings overrides; unset: a generated key and the defaults. */
  identity?: Omit<Partial<IdentityDeps>, keyof SubgraphDeps | 'signer'> & {
    privateKeyPem?: string;
    publicKeyPem?: string;
  };
  /** Signals fan-out group, live channel and FREE delay (the gateway gets the same channel and delay). */
  signals?: Omit<SignalsSubgraphOptions, 'livePubSub'>;
  /** Publish replayed market ticks (npm start); tests publish their own. */
  marketFeed?: boolean;
  /**
   * The gateway's limits (gateway/limits/limitsConfig.ts). Rate limits are off unless this turns them
   * on: end-to-end suites send hundreds of requests from 127.0.0.1. `npm start` turns them on.
   */
  gatewayLimits?: GatewayLimitOverrides;
}

/**
 * Every subgraph and the gateway in one process, each on its own port and speaking HTTP to each
 * other exactly as in a deployment. Used by `npm start` and the end-to-end tests.
 */
export async function startStack(options: StackOptions) {
  const { logger, gatewaySecret } = options;
  const host = options.host ?? '127.0.0.1';
  const infra: Infrastructure = createInfrastructure(
    {
      DATABASE_URL: options.databaseUrl,
      KAFKA_BROKERS: options.kafkaBrokers,
      KAFKA_CLIENT_ID: 'tradeschool-stack',
    },
    logger,
    options.bus ? { bus: options.bus } : {},
  );
  await infra.start();
  const deps: SubgraphDeps = { infra, logger, gatewaySecret, outboxPollMs: options.outboxPollMs };
  const signer = await createAccessTokenSigner({
    issuer: 'tradeschool-identity',
    audience: 'tradeschool-api',
    privateKeyPem: options.identity?.privateKeyPem,
    publicKeyPem: options.identity?.publicKeyPem,
  });
  const razorpay = options.billing ? undefined : await startEmbeddedRazorpay();
  // One live pub/sub for the signals fan-out and the gateway: in-process without REDIS_URL, so `npm start`
  // delivers live signals too.
  const livePubSub = createLivePubSub(options.redisUrl);
  const subgraphs: Subgraph[] = [
    createIdentitySubgraph({ redisUrl: options.redisUrl, ...options.identity, ...deps, signer }),
    createLearningSubgraph(deps),
    createSignalsSubgraph(deps, { ...options.signals, livePubSub }),
    createTradingSubgraph(deps),
    createBillingSubgraph({ ...deps, billing: options.billing ?? razorpay!.billing }),
  ];
  const urls = {} as Record<Domain, string>;
  for (const subgraph of subgraphs) {
    const port = options.subgraphPorts === 'defaults' ? subgraphDefaults[subgraph.name].port : 0;
    urls[subgraph.name] = await subgraph.start(port, host);
  }
  const gatewayConfig = gatewayConfigSchema.parse({
    GATEWAY_SECRET: gatewaySecret,
    REDIS_URL: options.redisUrl,
    PORT: options.gatewayPort,
    HOST: host,
    IDENTITY_URL: urls.identity,
    LEARNING_URL: urls.learning,
    SIGNALS_URL: urls.signals,
    TRADING_URL: urls.trading,
    BILLING_URL: urls.billing,
    FREE_SIGNAL_DELAY_MS: options.signals?.freeSignalDelayMs,
    LIVE_SIGNALS_CHANNEL: options.signals?.liveChannel,
    RATE_LIMITS: 'off',
    ...options.gatewayLimits,
  });
  const gateway = createGatewayServer(gatewayConfig, logger.child({ component: 'gateway' }), {
    pubsub: livePubSub,
  });
  const gatewayUrl = await gateway.start(options.gatewayPort, host);
  razorpay?.sendWebhooksTo(gatewayUrl);

  const marketFeed = options.marketFeed
    ? createReplayMarketFeed({ prisma: infra.prisma, bus: infra.bus, logger })
    : undefined;
  await marketFeed?.start();

  return {
    gatewayUrl,
    subgraphUrls: urls,
    subgraphs,
    infra,
    /** The embedded Razorpay-compatible server (tests pay orders through it). */
    razorpay: razorpay?.server,
    async stop(): Promise<void> {
      await marketFeed?.stop();
      await razorpay?.stop();
      await gateway.stop();
      for (const subgraph of subgraphs) await subgraph.stop();
      await livePubSub.close();
      await infra.stop();
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
