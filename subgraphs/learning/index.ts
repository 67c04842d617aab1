import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { learningConfig } from './config';
import { createLearningSubgraph } from './server';

runSubgraphProcess('learning', learningConfig, (deps) => createLearningSubgraph(deps)).catch(
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
