import type { SubgraphContext } from '../../platform/subgraph';
import type { SignalsLoaders } from './loaders';

export type SignalsContext = SubgraphContext<SignalsLoaders>;
