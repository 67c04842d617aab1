import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { Prisma } from '../../platform/prisma';
import type { LivePubSub } from '../../platform/pubsub';
import { developmentSealingSecret, sealingKeyFrom } from '../../platform/secretSealing';
import { createSubgraphServer } from '../../platform/subgraph';
import { assembleSubgraph, type SubgraphDeps } from '../../platform/subgraphModule';
import {
  createPortfolioOpeningConsumer,
  createSignalCopyingConsumer,
  createUserTierConsumer,
} from './events';
import { createCcxtExchange } from './exchange/ccxtExchange';
import { createTradingLiveFanout } from './live/liveFanout';
import { createLastTickStore } from './exchange/marketTicks';
import { createPaperExchange } from './exchange/paperExchange';
import { createTradingLoaders } from './loaders';
import { tradingPermissions } from './permissions';
import { createTradingResolvers } from './resolvers';
import { createExchangeAccountService } from './services/exchangeAccounts';
import { createLiveOrderSync, createLiveOrders } from './services/liveOrders';
import { createOrderService } from './services/orders';
import { createTickConsumers } from './services/paperMatching';
import { createPortfolioService } from './services/portfolios';
import { createSignalFollowService } from './services/signalFollows';
import type { TradingServiceDeps } from './services/tradingDeps';
import { tradingSettingsSchema, type TradingSettings } from './config';

export const tradingTypeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export type TradingOptions = Partial<TradingSettings> & {
  /** Appended to the Kafka consumer groups (tests sharing one broker keep their events apart). */
  consumerGroupSuffix?: string;
  /** Where committed order/position changes are republished for the gateway (unset: not at all). */
  livePubSub?: LivePubSub;
  /** Live channel override (tests use their own); default LiveChannels.user. */
  liveChannel?: string;
};

export function createTradingSubgraph(deps: SubgraphDeps, options: TradingOptions = {}) {
  // zod drops the keys that are not settings (consumerGroupSuffix...). Production's rules (a data key
  // among them) ran when the process loaded its config (config.ts).
  const settings = tradingSettingsSchema.parse(options);
  const services: TradingServiceDeps = {
    exchange: createPaperExchange({
      slippageBps: settings.PAPER_SLIPPAGE_BPS,
      maxFillPerTick: settings.PAPER_MAX_FILL_PER_TICK
        ? new Prisma.Decimal(settings.PAPER_MAX_FILL_PER_TICK)
        : null,
    }),
    liveExchange: createCcxtExchange({
      apiUrls: settings.LIVE_EXCHANGE_API_URLS,
      timeoutMs: settings.LIVE_TIMEOUT_MS,
      retry: {
        attempts: settings.LIVE_RETRY_ATTEMPTS,
        baseDelayMs: settings.LIVE_RETRY_BASE_MS,
        maxDelayMs: settings.LIVE_RETRY_MAX_MS,
      },
      breaker: { failureThreshold: settings.LIVE_BREAKER_THRESHOLD, openMs: settings.LIVE_BREAKER_OPEN_MS },
    }),
    ticks: createLastTickStore(),
    limits: {
      maxOrderNotionalMinor: settings.RISK_MAX_ORDER_NOTIONAL_MINOR,
      maxPositionNotionalMinor: settings.RISK_MAX_POSITION_NOTIONAL_MINOR,
      dailyLossLimitMinor: settings.RISK_DAILY_LOSS_LIMIT_MINOR,
    },
    feeBps: settings.PAPER_FEE_BPS,
    dataKey: sealingKeyFrom(
      settings.TRADING_DATA_KEY ?? developmentSealingSecret('trading-data-key'),
      'exchange-credentials',
    ),
  };
  const liveOrders = createLiveOrders(deps.infra.prisma, services, deps.logger);
  const server = createSubgraphServer({
    name: 'trading',
    typeDefs: tradingTypeDefs,
    resolvers: createTradingResolvers({
      portfolios: createPortfolioService(),
      orders: createOrderService(services, liveOrders),
      exchangeAccounts: createExchangeAccountService(services),
      follows: createSignalFollowService(),
      ticks: services.ticks,
    }),
    prisma: deps.infra.prisma,
    logger: deps.logger,
    gatewaySecret: deps.gatewaySecret,
    gatewayReplay: deps.gatewayReplay,
    createLoaders: (prisma, viewer) => createTradingLoaders(prisma, viewer),
    readiness: deps.infra.readiness,
    metrics: deps.infra.metrics,
    permissions: tradingPermissions,
  });
  const [lastTicks, paperMatching] = createTickConsumers(deps, services, options.consumerGroupSuffix);
  const suffix = options.consumerGroupSuffix;
  // Appended after the first four: tests address the paper matching consumer by position (3).
  const assembled = assembleSubgraph('trading', deps, server, [
    createPortfolioOpeningConsumer(deps),
    createSignalCopyingConsumer(deps, services, suffix),
    lastTicks!,
    paperMatching!,
    createUserTierConsumer(deps, suffix),
    createLiveOrderSync(liveOrders, settings.LIVE_SYNC_INTERVAL_MS),
    ...(options.livePubSub
      ? [
          createTradingLiveFanout(deps, options.livePubSub, {
            groupSuffix: suffix,
            channel: options.liveChannel,
          }),
        ]
      : []),
  ]);
  return { ...assembled, services, liveOrders };
}
