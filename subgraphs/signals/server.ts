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
  /** FREE's delay on history; must match the gateway's FREE_SIGNAL_DELAY_MS. */
  freeSignalDelayMs?: number;
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
      ticks: createMarketTickService(),
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
  const subgraph = assembleSubgraph('signals', deps, server, consumers);
  wakeRelay = () => subgraph.relay.poke();
  return {
    ...subgraph,
    expirySweep,
    tickRelay,
    async start(port: number, host?: string): Promise<string> {
      const url = await subgraph.start(port, host);
      await tickRelay?.start();
      expirySweep.start();
      return url;
    },
    async stop(): Promise<void> {
      await expirySweep.stop();
      await tickRelay?.stop();
      await subgraph.stop();
    },
  };
}

export type SignalsSubgraph = ReturnType<typeof createSignalsSubgraph>;
