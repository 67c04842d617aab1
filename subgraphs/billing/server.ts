import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createSubgraphServer } from '../../platform/subgraph';
import { assembleSubgraph, type SubgraphDeps } from '../../platform/subgraphModule';
import { createFreePlanConsumer } from './events';
import { createBillingLoaders } from './loaders';
import { createBillingResolvers } from './resolvers';

export const billingTypeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export function createBillingSubgraph(deps: SubgraphDeps) {
  const server = createSubgraphServer({
    name: 'billing',
    typeDefs: billingTypeDefs,
    resolvers: createBillingResolvers(),
    prisma: deps.infra.prisma,
    logger: deps.logger,
    gatewaySecret: deps.gatewaySecret,
    createLoaders: (prisma) => createBillingLoaders(prisma),
    readiness: deps.infra.readiness,
  });
  return assembleSubgraph('billing', deps, server, [createFreePlanConsumer(deps)]);
}
