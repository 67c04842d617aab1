import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { createBillingSubgraph } from './server';

runSubgraphProcess('billing', (deps) => createBillingSubgraph(deps)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
