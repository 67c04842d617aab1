import type { SubgraphContext } from '../../platform/subgraph';
import type { TradingLoaders } from './loaders';

export type TradingContext = SubgraphContext<TradingLoaders>;
