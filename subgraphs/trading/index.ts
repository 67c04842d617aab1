import { createLivePubSub } from '../../platform/pubsub';
import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { createTradingSubgraph } from './server';
import { tradingConfigSchema, type TradingConfig } from './settings';

runSubgraphProcess<TradingConfig>(
  'trading',
  // Order and position changes reach the gateways through Redis, like the signals fan-out.
  (deps, config) =>
    createTradingSubgraph(deps, { ...config, livePubSub: createLivePubSub(config.REDIS_URL) }),
  tradingConfigSchema,
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
