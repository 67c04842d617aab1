import type { SubgraphContext } from '../../platform/subgraph';
import type { BillingLoaders } from './loaders';

export type BillingContext = SubgraphContext<BillingLoaders>;
