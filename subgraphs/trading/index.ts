import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { createTradingSubgraph } from './server';
import { tradingConfigSchema, type TradingConfig } from './settings';

runSubgraphProcess<TradingConfig>(
  'trading',
  (deps, config) => createTradingSubgraph(deps, config),
  tradingConfigSchema,
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
