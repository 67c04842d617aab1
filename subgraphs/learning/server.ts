import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createSubgraphServer } from '../../platform/subgraph';
import { assembleSubgraph, type SubgraphDeps } from '../../platform/subgraphModule';
import { createCourseAccessConsumer } from './events';
import { createLearningLoaders } from './loaders';
import { learningPermissions } from './permissions';
import { createLearningResolvers } from './resolvers';
import { createLearningServices } from './services';
import type { Clock } from './services/openLesson';

export const learningTypeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export interface LearningOptions {
  /** Tests move time for heartbeats, drip release and time limits. */
  now?: Clock;
}

export function createLearningSubgraph(deps: SubgraphDeps, options: LearningOptions = {}) {
  const services = createLearningServices(options.now);
  const server = createSubgraphServer({
    name: 'learning',
    typeDefs: learningTypeDefs,
    resolvers: createLearningResolvers(services),
    prisma: deps.infra.prisma,
    logger: deps.logger,
    gatewaySecret: deps.gatewaySecret,
    gatewayReplay: deps.gatewayReplay,
    createLoaders: (prisma, viewer) => createLearningLoaders(prisma, viewer),
    readiness: deps.infra.readiness,
    metrics: deps.infra.metrics,
    permissions: learningPermissions,
  });
  return assembleSubgraph('learning', deps, server, [createCourseAccessConsumer(deps)]);
}
