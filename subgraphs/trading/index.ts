import { createLivePubSub } from '../../platform/pubsub';
import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { tradingConfig } from './config';
import { createTradingSubgraph } from './server';

runSubgraphProcess(
  'trading',
  tradingConfig,
  // Order and position changes reach the gateways through Redis, like the signals fan-out.
  (deps, config) =>
    createTradingSubgraph(deps, { ...config, livePubSub: createLivePubSub(config.REDIS_URL) }),
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
