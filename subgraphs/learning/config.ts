import type { ProcessConfig } from '../../platform/config';
import { subgraphConfigSchema, subgraphProductionProblems } from '../../platform/subgraphConfig';

/** Learning has no settings of its own: the subgraph's (port, database, Redis, Kafka). */
export const learningConfigSchema = subgraphConfigSchema;
export type LearningConfig = typeof learningConfigSchema._output;

/** requiresRedis and requiresKafka (platform/productionRules.ts), as for every subgraph. */
export const learningProductionProblems = subgraphProductionProblems;

export const learningConfig: ProcessConfig<typeof learningConfigSchema> = {
  schema: learningConfigSchema,
  productionProblems: learningProductionProblems,
};
