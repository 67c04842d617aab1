import { createLivePubSub } from '../../platform/pubsub';
import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { signalsConfig } from './config';
import { createSignalsSubgraph } from './server';

// The fan-out publishes to REDIS_URL, where every gateway node listens; each event carries the time
// every tier may see it (FREE_SIGNAL_DELAY_MS), so the gateways need no delay of their own. The
// market-data ingestion (MARKET_DATA_*, marketData/settings.ts) runs on one replica at a time.
runSubgraphProcess('signals', signalsConfig, (deps, config) =>
  createSignalsSubgraph(deps, {
    livePubSub: createLivePubSub(config.REDIS_URL),
    freeSignalDelayMs: config.FREE_SIGNAL_DELAY_MS,
    marketData: config,
  }),
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
