import { createLivePubSub } from '../../platform/pubsub';
import { subgraphConfigSchema, type SubgraphConfig } from '../../platform/subgraphConfig';
import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { marketDataSettingsShape, type MarketDataSettings } from './marketData/settings';
import { createSignalsSubgraph } from './server';

// MARKET_DATA_* (marketData/settings.ts) extend the subgraph's schema until signals has its config module.
const signalsConfigSchema = subgraphConfigSchema.extend(marketDataSettingsShape);

// The fan-out publishes to REDIS_URL, where every gateway node listens.
runSubgraphProcess<SubgraphConfig & MarketDataSettings>(
  'signals',
  (deps, config) =>
    createSignalsSubgraph(deps, { livePubSub: createLivePubSub(config.REDIS_URL), marketData: config }),
  signalsConfigSchema,
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
