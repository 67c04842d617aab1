import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { createLearningSubgraph } from './server';

runSubgraphProcess('learning', (deps) => createLearningSubgraph(deps)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
