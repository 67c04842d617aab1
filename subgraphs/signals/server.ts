import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { LivePubSub } from '../../platform/pubsub';
import { signalTierRules } from '../../platform/signalTiers';
import { createSubgraphServer } from '../../platform/subgraph';
import { assembleSubgraph, type SubgraphDeps } from '../../platform/subgraphModule';
import { createSignalFanout } from './fanout';
import { createSignalsLoaders } from './loaders';
import { signalsPermissions } from './permissions';
import { createSignalsResolvers } from './resolvers';
import { createInstrumentService } from './services/instruments';
import { createSignalService } from './services/signals';
import { createStrategyService } from './services/strategies';

export const signalsTypeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export interface SignalsSubgraphOptions {
  /** Where the fan-out publishes live signals; without it this process runs no fan-out consumer. */
  livePubSub?: LivePubSub;
  fanoutGroupId?: string;
  liveChannel?: string;
  /** FREE's delay on history; must match the gateway's FREE_SIGNAL_DELAY_MS. */
  freeSignalDelayMs?: number;
}

export function createSignalsSubgraph(deps: SubgraphDeps, options: SignalsSubgraphOptions = {}) {
  const rules = signalTierRules(options.freeSignalDelayMs);
  // Filled in once the relay exists: a commit wakes it, instead of waiting up to one poll interval.
  let wakeRelay = () => {};
  const signals = createSignalService({ rules, onCommitted: () => wakeRelay() });
  const instruments = createInstrumentService();
  const server = createSubgraphServer({
    name: 'signals',
    typeDefs: signalsTypeDefs,
    resolvers: createSignalsResolvers(
      instruments,
      signals,
      createStrategyService({ rules, onCommitted: () => wakeRelay() }),
    ),
    prisma: deps.infra.prisma,
    logger: deps.logger,
    gatewaySecret: deps.gatewaySecret,
    createLoaders: (prisma, viewer) => createSignalsLoaders(prisma, viewer),
    readiness: deps.infra.readiness,
    permissions: signalsPermissions,
  });
  const fanout = options.livePubSub
    ? createSignalFanout({
        prisma: deps.infra.prisma,
        bus: deps.infra.bus,
        logger: deps.logger,
        pubsub: options.livePubSub,
        groupId: options.fanoutGroupId,
        channel: options.liveChannel,
      })
    : undefined;
  const subgraph = assembleSubgraph('signals', deps, server, fanout ? [fanout] : []);
  wakeRelay = () => subgraph.relay.poke();
  return subgraph;
}
