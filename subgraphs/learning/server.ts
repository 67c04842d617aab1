import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createSubgraphServer } from '../../platform/subgraph';
import { assembleSubgraph, type SubgraphDeps } from '../../platform/subgraphModule';
import { createLearningLoaders } from './loaders';
import { createLearningResolvers } from './resolvers';
import { createCourseService } from './services/courses';
import { createEnrollmentService } from './services/enrollments';

export const learningTypeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export function createLearningSubgraph(deps: SubgraphDeps) {
  const server = createSubgraphServer({
    name: 'learning',
    typeDefs: learningTypeDefs,
    resolvers: createLearningResolvers(createCourseService(), createEnrollmentService()),
    prisma: deps.infra.prisma,
    logger: deps.logger,
    gatewaySecret: deps.gatewaySecret,
    createLoaders: (prisma, viewer) => createLearningLoaders(prisma, viewer),
    readiness: deps.infra.readiness,
  });
  return assembleSubgraph('learning', deps, server);
}
