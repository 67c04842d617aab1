import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { LivePubSub } from '../../platform/pubsub';
import { signalTierRules } from '../../platform/signalTiers';
import { createSubgraphServer } from '../../platform/subgraph';
import { assembleSubgraph, type SubgraphDeps } from '../../platform/subgraphModule';
import { createSignalFanout } from './fanout';
import { createExpirySweep, createTickLifecycleConsumer } from './lifecycleWorkers';
import { createSignalsLoaders } from './loaders';
import { signalsPermissions } from './permissions';
import { createSignalsResolvers } from './resolvers';
import { createSignalAnalyticsService } from './services/analytics';
import { createInstrumentService } from './services/instruments';
import { createMarketTickService } from './services/marketTicks';
import { createPriceAlertService } from './services/priceAlerts';
import { createSignalService } from './services/signals';
import { createSourceService } from './services/sources';
import { createStrategyService } from './services/strategies';
import { createMarketDataIngestion } from './marketData/ingestion';
import type { MarketDataSettings } from './marketData/settings';
import { createStrategyRunner } from './marketData/strategyRunner';
import { createTickRelay } from './tickRelay';

export const signalsTypeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export interface SignalsSubgraphOptions {
  /** Where the fan-out publishes live events; without it this process runs no fan-out or tick relay. */
  livePubSub?: LivePubSub;
  fanoutGroupId?: string;
  liveChannel?: string;
  /** Redis channels of per-user events (price alerts) and of market ticks. */
  userChannel?: string;
  ticksChannel?: string;
  tickRelayGroupId?: string;
  /** Consumer group closing signals and triggering alerts from market.ticks. */
  lifecycleGroupId?: string;
  /** How often due signals expire. */
  expirySweepMs?: number;
  /** FREE's delay, on history and in each live event's releaseAt (the gateways honour it). */
  freeSignalDelayMs?: number;
  /** Market-data ingestion (MARKET_DATA_*); unset or MARKET_DATA_EXCHANGE=off: none in this process. */
  marketData?: MarketDataSettings;
}

export function createSignalsSubgraph(deps: SubgraphDeps, options: SignalsSubgraphOptions = {}) {
  const rules = signalTierRules(options.freeSignalDelayMs);
  const { prisma, bus } = deps.infra;
  const { logger } = deps;
  // Filled in once the relay exists: a commit wakes it, instead of waiting up to one poll interval.
  let wakeRelay = () => {};
  const onCommitted = () => wakeRelay();
  const instruments = createInstrumentService();
  const server = createSubgraphServer({
    name: 'signals',
    typeDefs: signalsTypeDefs,
    resolvers: createSignalsResolvers({
      instruments,
      signals: createSignalService({ rules, onCommitted }),
      strategies: createStrategyService({ rules, onCommitted }),
      sources: createSourceService(),
      alerts: createPriceAlertService(),
      ticks: createMarketTickService({ staleSeconds: options.marketData?.MARKET_DATA_STALE_SECONDS }),
      analytics: createSignalAnalyticsService(),
    }),
    prisma,
    logger,
    gatewaySecret: deps.gatewaySecret,
    gatewayReplay: deps.gatewayReplay,
    createLoaders: (client, viewer) => createSignalsLoaders(client, viewer),
    readiness: deps.infra.readiness,
    metrics: deps.infra.metrics,
    permissions: signalsPermissions,
  });
  const live = options.livePubSub;
  // The fan-out comes first: operators (and the e2e suite) find it as consumers[0].
  const consumers = [
    ...(live
      ? [
          createSignalFanout({
            prisma,
            bus,
            logger,
            pubsub: live,
            groupId: options.fanoutGroupId,
            channel: options.liveChannel,
            userChannel: options.userChannel,
            rules,
          }),
        ]
      : []),
    createTickLifecycleConsumer({ prisma, bus, logger, groupId: options.lifecycleGroupId }),
  ];
  const tickRelay = live
    ? createTickRelay({
        bus,
        logger,
        pubsub: live,
        groupId: options.tickRelayGroupId,
        channel: options.ticksChannel,
      })
    : undefined;
  const expirySweep = createExpirySweep({
    prisma,
    logger,
    intervalMs: options.expirySweepMs,
    onClosed: onCommitted,
  });
  const marketData =
    options.marketData?.MARKET_DATA_EXCHANGE === 'binance'
      ? createMarketDataIngestion({ prisma, bus, logger, settings: options.marketData })
      : undefined;
  // Strategies run on the ingesting replica as its candles close; candle keys keep it once per candle.
  const interval = options.marketData?.MARKET_DATA_STRATEGY_INTERVAL ?? 'off';
  const runner =
    marketData && interval !== 'off'
      ? createStrategyRunner({ prisma, logger, interval, onCommitted })
      : undefined;
  let strategyRuns: Promise<unknown> = Promise.resolve();
  marketData?.events.on('candles', ({ instrumentId, through }: { instrumentId: string; through: number }) => {
    strategyRuns = strategyRuns
      .then(() => runner?.run(instrumentId, through))
      .catch((error: unknown) => logger.warn({ err: error }, 'strategy run failed'));
  });
  const subgraph = assembleSubgraph('signals', deps, server, consumers);
  wakeRelay = () => subgraph.relay.poke();
  return {
    ...subgraph,
    expirySweep,
    tickRelay,
    marketData,
    strategyRunner: runner,
    async start(port: number, host?: string): Promise<string> {
      const url = await subgraph.start(port, host);
      await tickRelay?.start();
      expirySweep.start();
      await marketData?.start();
      return url;
    },
    async stop(): Promise<void> {
      await marketData?.stop();
      await strategyRuns;
      await expirySweep.stop();
      await tickRelay?.stop();
      await subgraph.stop();
    },
  };
}

export type SignalsSubgraph = ReturnType<typeof createSignalsSubgraph>;
