import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createSubgraphServer } from '../../platform/subgraph';
import { assembleSubgraph, type SubgraphDeps } from '../../platform/subgraphModule';
import { createSignalsLoaders } from './loaders';
import { createSignalsResolvers } from './resolvers';
import { createInstrumentService } from './services/instruments';
import { createSignalService } from './services/signals';

export const signalsTypeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export function createSignalsSubgraph(deps: SubgraphDeps) {
  const server = createSubgraphServer({
    name: 'signals',
    typeDefs: signalsTypeDefs,
    resolvers: createSignalsResolvers(createInstrumentService(), createSignalService()),
    prisma: deps.infra.prisma,
    logger: deps.logger,
    gatewaySecret: deps.gatewaySecret,
    createLoaders: (prisma, viewer) => createSignalsLoaders(prisma, viewer),
    readiness: deps.infra.readiness,
  });
  return assembleSubgraph('signals', deps, server);
}
