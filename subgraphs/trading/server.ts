import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { developmentSealingSecret, sealingKeyFrom } from '../../platform/secretSealing';
import { createSubgraphServer } from '../../platform/subgraph';
import { assembleSubgraph, type SubgraphDeps } from '../../platform/subgraphModule';
import { createPortfolioOpeningConsumer, createSignalCopyingConsumer } from './events';
import { createLastTickStore } from './exchange/marketTicks';
import { createPaperExchange } from './exchange/paperExchange';
import { createTradingLoaders } from './loaders';
import { tradingPermissions } from './permissions';
import { createTradingResolvers } from './resolvers';
import { createExchangeAccountService } from './services/exchangeAccounts';
import { createOrderService } from './services/orders';
import { createTickConsumers } from './services/paperMatching';
import { createPortfolioService } from './services/portfolios';
import { createSignalFollowService } from './services/signalFollows';
import type { TradingServiceDeps } from './services/tradingDeps';
import { tradingSettingsSchema, type TradingSettings } from './settings';

export const tradingTypeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export type TradingOptions = Partial<TradingSettings> & {
  NODE_ENV?: string;
  /** Appended to the Kafka consumer groups (tests sharing one broker keep their events apart). */
  consumerGroupSuffix?: string;
};

export function createTradingSubgraph(deps: SubgraphDeps, options: TradingOptions = {}) {
  // zod drops the keys that are not settings (NODE_ENV, consumerGroupSuffix).
  const settings = tradingSettingsSchema.parse(options);
  if (!settings.TRADING_DATA_KEY && options.NODE_ENV === 'production') {
    throw new Error('TRADING_DATA_KEY is required in production (it seals exchange API secrets)');
  }
  const services: TradingServiceDeps = {
    exchange: createPaperExchange(),
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
  const server = createSubgraphServer({
    name: 'trading',
    typeDefs: tradingTypeDefs,
    resolvers: createTradingResolvers({
      portfolios: createPortfolioService(),
      orders: createOrderService(services),
      exchangeAccounts: createExchangeAccountService(services),
      follows: createSignalFollowService(),
      ticks: services.ticks,
    }),
    prisma: deps.infra.prisma,
    logger: deps.logger,
    gatewaySecret: deps.gatewaySecret,
    createLoaders: (prisma, viewer) => createTradingLoaders(prisma, viewer),
    readiness: deps.infra.readiness,
    permissions: tradingPermissions,
  });
  const [lastTicks, paperMatching] = createTickConsumers(deps, services, options.consumerGroupSuffix);
  const assembled = assembleSubgraph('trading', deps, server, [
    createPortfolioOpeningConsumer(deps),
    createSignalCopyingConsumer(deps, services, options.consumerGroupSuffix),
    lastTicks!,
    paperMatching!,
  ]);
  return { ...assembled, services };
}
