import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { createTradingSubgraph } from './server';

runSubgraphProcess('trading', (deps) => createTradingSubgraph(deps)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
