import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { createSignalsSubgraph } from './server';

runSubgraphProcess('signals', (deps) => createSignalsSubgraph(deps)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
