import { randomUUID } from 'node:crypto';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  createAccessTokenSigner,
} from '../platform/auth/accessToken';
import { createGatewayReplayGuard } from '../platform/auth/gatewayReplayGuard';
import { startEmbeddedPostmark } from '../emulators/postmark/embedded';
import type { EmailSender } from '../platform/email/emailSender';
import type { Domain, EventBus } from '../platform/events/envelope';
import { startOrUnwind, stopAll, stopInStages } from '../platform/lifecycle';
import type { Logger } from '../platform/logger';
import { createLivePubSub } from '../platform/pubsub';
import { createInfrastructure, type Infrastructure } from '../platform/runtime';
import type { Subgraph, SubgraphDeps } from '../platform/subgraphModule';
import { subgraphDefaults } from '../platform/topology';
import { RAZORPAY_EMULATOR_PORT, startEmbeddedRazorpay } from '../emulators/razorpay/embedded';
import { createBillingSubgraph, type BillingOptions } from '../subgraphs/billing/server';
import { createIdentitySubgraph, type IdentityDeps } from '../subgraphs/identity/server';
import { createLearningSubgraph } from '../subgraphs/learning/server';
import { marketDataSettingsSchema } from '../subgraphs/signals/marketData/settings';
import { createSignalsSubgraph, type SignalsSubgraphOptions } from '../subgraphs/signals/server';
import { startEmbeddedBinance } from '../emulators/binance/embedded';
import { createTradingSubgraph, type TradingOptions } from '../subgraphs/trading/server';
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
  /** How identity sends email; unset: our Postmark-compatible server, in-process on a free port. */
  email?: EmailSender;
  /** Identity's signing key (PEMs) and settings overrides; unset: a generated key and the defaults. */
  identity?: Omit<Partial<IdentityDeps>, keyof SubgraphDeps | 'signer'> & {
    privateKeyPem?: string;
    publicKeyPem?: string;
  };
  /** Signals fan-out group, live channel and FREE delay (the gateway listens on the same channel). */
  signals?: Omit<SignalsSubgraphOptions, 'livePubSub'>;
  /**
   * Redis channels of per-user events and market ticks (LiveChannels by default): the gateway listens
   * on them; tests pick their own, as other runs share Redis.
   */
  liveChannels?: { user?: string; ticks?: string };
  /** Trading settings (e.g. a live exchange API URL) and its live channel; it shares the live pub/sub. */
  trading?: Omit<TradingOptions, 'livePubSub'>;
  /**
   * `npm start`: start our Binance-compatible emulator (simulated market data and the demo account) and
   * have signals ingest it like the real exchange; tests publish their own ticks.
   */
  marketFeed?: boolean;
  /**
   * The gateway's limits (gateway/limits/limitsConfig.ts). Rate limits are off unless this turns them
   * on: end-to-end suites send hundreds of requests from 127.0.0.1. `npm start` turns them on.
   */
  gatewayLimits?: GatewayLimitOverrides;
  /**
   * Cache anonymous catalog responses, dropped on learning.course.changed from this stack's bus. Off
   * unless asked: suites that edit a course and read it back anonymously would race the event.
   */
  gatewayResponseCache?: boolean;
  /** The gateway's /metrics listener (METRICS_PORT); unset: a free port (`gateway.metricsUrl`). */
  metricsPort?: number;
}

/**
 * Every subgraph and the gateway in one process, each on its own port and speaking HTTP to each
 * other exactly as in a deployment. Used by `npm start` and the end-to-end tests.
 */
export function startStack(options: StackOptions) {
  // A start that fails half-way (a port taken, a broker not ready) stops what it had started, so neither
  // `npm start` nor a test run is left with open sockets and consumers.
  return startOrUnwind((started) => startComponents(options, started));
}

async function startComponents(
  options: StackOptions,
  started: (stop: () => Promise<unknown> | undefined) => void,
) {
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
  started(() => infra.stop());
  await infra.start();
  // One record of used gateway nonces for all five subgraphs: Redis when configured, else in-process.
  const gatewayReplay = createGatewayReplayGuard({ redisUrl: options.redisUrl });
  started(() => gatewayReplay.close());
  const deps: SubgraphDeps = {
    infra,
    logger,
    gatewaySecret,
    gatewayReplay,
    outboxPollMs: options.outboxPollMs,
  };
  const signer = await createAccessTokenSigner({
    issuer: ACCESS_TOKEN_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    privateKeyPem: options.identity?.privateKeyPem,
    publicKeyPem: options.identity?.publicKeyPem,
  });
  const razorpay = options.billing
    ? undefined
    : await startEmbeddedRazorpay(options.subgraphPorts === 'defaults' ? RAZORPAY_EMULATOR_PORT : 0);
  started(() => razorpay?.stop());
  const { email, postmark } = options.email
    ? { email: options.email, postmark: undefined }
    : await startEmbeddedPostmark().then((embedded) => ({ email: embedded.sender, postmark: embedded }));
  started(() => postmark?.stop());
  // One live pub/sub for the signals fan-out and the gateway: in-process without REDIS_URL, so `npm start`
  // delivers live signals too.
  const livePubSub = createLivePubSub(options.redisUrl);
  started(() => livePubSub.close());
  // `npm start`: market data and live orders on "binance" come from our Binance-compatible emulator, whose
  // simulated walk continues from the stored candles; every price it gives is labelled SIMULATED.
  const demoExchange = options.marketFeed
    ? await startEmbeddedBinance({ startPrices: await latestCloses(infra) })
    : undefined;
  started(() => demoExchange?.stop());
  const trading = createTradingSubgraph(deps, {
    liveChannel: options.liveChannels?.user,
    ...(demoExchange ? { LIVE_EXCHANGE_API_URLS: { binance: demoExchange.url } } : {}),
    ...options.trading,
    livePubSub,
  });
  const subgraphs: Subgraph[] = [
    createIdentitySubgraph({ redisUrl: options.redisUrl, ...options.identity, ...deps, signer, email }),
    createLearningSubgraph(deps),
    createSignalsSubgraph(deps, {
      userChannel: options.liveChannels?.user,
      ticksChannel: options.liveChannels?.ticks,
      ...(demoExchange
        ? {
            marketData: marketDataSettingsSchema.parse({
              MARKET_DATA_EXCHANGE: 'binance',
              MARKET_DATA_REST_URL: demoExchange.url,
              MARKET_DATA_WS_URL: demoExchange.wsUrl,
              // Minute candles, so a strategy signal appears within a few minutes of `npm start`.
              MARKET_DATA_STRATEGY_INTERVAL: '1m',
            }),
          }
        : {}),
      ...options.signals,
      livePubSub,
    }),
    trading,
    createBillingSubgraph({ ...deps, billing: options.billing ?? razorpay!.billing }),
  ];
  const urls = {} as Record<Domain, string>;
  started(() => stopAll(subgraphs.map((subgraph) => () => subgraph.stop())));
  // Concurrently: each subgraph's consumers join their groups at the same time.
  await Promise.all(
    subgraphs.map(async (subgraph) => {
      const port = options.subgraphPorts === 'defaults' ? subgraphDefaults[subgraph.name].port : 0;
      urls[subgraph.name] = await subgraph.start(port, host);
    }),
  );
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
    METRICS_PORT: options.metricsPort ?? 0,
    METRICS_HOST: host,
    RATE_LIMITS: 'off',
    RESPONSE_CACHE: options.gatewayResponseCache ? 'on' : 'off',
    RESPONSE_CACHE_PREFIX: `ts:gw:rc:${randomUUID()}:`,
    ...options.gatewayLimits,
  });
  const gateway = createGatewayServer(gatewayConfig, logger.child({ component: 'gateway' }), {
    pubsub: livePubSub,
    liveChannels: { signals: options.signals?.liveChannel, ...options.liveChannels },
    bus: infra.bus,
    // One registry for the whole stack: each subgraph's /metrics and the gateway's show the same.
    metrics: infra.metrics,
  });
  started(() => gateway.stop());
  const gatewayUrl = await gateway.start(options.gatewayPort, host);
  razorpay?.sendWebhooksTo(gatewayUrl);

  return {
    gatewayUrl,
    subgraphUrls: urls,
    subgraphs,
    infra,
    /** The live pub/sub the fan-outs publish on and the gateway listens to. */
    livePubSub,
    gateway,
    /** The embedded Razorpay-compatible server (tests pay orders through it). */
    razorpay: razorpay?.server,
    /** The emulator's hosted checkout (test mode): where a newcomer pays an order offline. */
    razorpayCheckout: razorpay && { baseUrl: razorpay.baseUrl, checkoutUrl: razorpay.checkoutUrl },
    /** The embedded Postmark-compatible server: what identity emailed (`messages(to)`, GET /test/messages). */
    postmark,
    /** Every part is stopped even if one fails (the first failure is rethrown at the end). */
    async stop(): Promise<void> {
      await stopInStages([
        [() => razorpay?.stop()],
        [() => gateway.stop()],
        subgraphs.map((subgraph) => () => subgraph.stop()),
        // After signals stopped ingesting from it, so the ingester does not see the stream drop.
        [() => demoExchange?.stop()],
        // After identity: a reset email still on its way is accepted rather than refused.
        [() => gatewayReplay.close(), () => postmark?.stop(), () => livePubSub.close()],
        [() => infra.stop()],
      ]);
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

/** The latest stored hourly close per seeded Binance instrument, as the emulator's symbols (BTCUSDT). */
async function latestCloses(infra: Infrastructure): Promise<Record<string, number>> {
  const instruments = await infra.prisma.instrument.findMany({
    where: { exchange: 'BINANCE' },
    include: { candles: { where: { interval: '1h' }, orderBy: { openTime: 'desc' }, take: 1 } },
  });
  return Object.fromEntries(
    instruments
      .filter((instrument) => instrument.candles[0])
      .map((instrument) => [instrument.symbol.replace('-', ''), instrument.candles[0]!.close.toNumber()]),
  );
}
