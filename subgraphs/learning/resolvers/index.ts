import { DateTimeScalar } from '../../../platform/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import type { LearningServices } from '../services';
import { assignmentResolvers } from './assignments';
import { catalogResolvers } from './catalog';
import { learnerResolvers } from './learner';
import { rootResolvers } from './roots';

export function createLearningResolvers(services: LearningServices): Resolvers {
  return {
    DateTime: DateTimeScalar,
    ...rootResolvers(services),
    ...catalogResolvers(services),
    ...learnerResolvers(services),
    ...assignmentResolvers(),
  };
}
