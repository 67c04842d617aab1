import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createSubgraphServer } from '../../platform/subgraph';
import { assembleSubgraph, type SubgraphDeps } from '../../platform/subgraphModule';
import { createPortfolioOpeningConsumer } from './events';
import { createTradingLoaders } from './loaders';
import { createTradingResolvers } from './resolvers';
import { createPortfolioService } from './services/portfolios';

export const tradingTypeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export function createTradingSubgraph(deps: SubgraphDeps) {
  const server = createSubgraphServer({
    name: 'trading',
    typeDefs: tradingTypeDefs,
    resolvers: createTradingResolvers(createPortfolioService()),
    prisma: deps.infra.prisma,
    logger: deps.logger,
    gatewaySecret: deps.gatewaySecret,
    createLoaders: (prisma, viewer) => createTradingLoaders(prisma, viewer),
    readiness: deps.infra.readiness,
  });
  return assembleSubgraph('trading', deps, server, [createPortfolioOpeningConsumer(deps)]);
}
