import type { SubgraphContext } from '../../platform/subgraph';
import type { LearningLoaders } from './loaders';

export type LearningContext = SubgraphContext<LearningLoaders>;
