import type { SubgraphContext } from '../../platform/subgraph';
import type { IdentityLoaders } from './loaders';

export type IdentityContext = SubgraphContext<IdentityLoaders>;
