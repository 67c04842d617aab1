import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'graphql';
import type { AccessTokenSigner } from '../../platform/auth/accessToken';
import { createSubgraphServer } from '../../platform/subgraph';
import { assembleSubgraph, type SubgraphDeps } from '../../platform/subgraphModule';
import { createTierConsumer } from './events';
import { createIdentityLoaders } from './loaders';
import { createIdentityResolvers } from './resolvers';
import { createUserService } from './services/users';

export const identityTypeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export const JWKS_PATH = '/.well-known/jwks.json';

export function createIdentitySubgraph(deps: SubgraphDeps & { signer: AccessTokenSigner }) {
  const jwksBody = JSON.stringify(deps.signer.jwks);
  // The gateway fetches the public keys here; they are public, so no gateway signature is needed.
  const jwksRoute = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url !== JWKS_PATH) return false;
    res
      .writeHead(200, { 'content-type': 'application/jwk-set+json', 'cache-control': 'max-age=300' })
      .end(jwksBody);
    return true;
  };
  const server = createSubgraphServer({
    name: 'identity',
    typeDefs: identityTypeDefs,
    resolvers: createIdentityResolvers(createUserService(deps.signer)),
    prisma: deps.infra.prisma,
    logger: deps.logger,
    gatewaySecret: deps.gatewaySecret,
    createLoaders: (prisma) => createIdentityLoaders(prisma),
    readiness: deps.infra.readiness,
    routes: [jwksRoute],
  });
  return assembleSubgraph('identity', deps, server, [createTierConsumer(deps)]);
}
