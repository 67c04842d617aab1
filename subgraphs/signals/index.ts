import { createLivePubSub } from '../../platform/pubsub';
import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { createSignalsSubgraph } from './server';

// The fan-out publishes to REDIS_URL, where every gateway node listens.
runSubgraphProcess('signals', (deps, config) =>
  createSignalsSubgraph(deps, { livePubSub: createLivePubSub(config.REDIS_URL) }),
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
