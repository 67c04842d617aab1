import { createAccessTokenSigner } from '../../platform/auth/accessToken';
import type { EmailSender } from '../../platform/email/emailSender';
import { createLogger, type Logger } from '../../platform/logger';
import type { Viewer } from '../../platform/auth/viewer';
import type { createSubgraphServer } from '../../platform/subgraph';
import type { SubgraphDeps } from '../../platform/subgraphModule';
import { startEmbeddedRazorpay } from '../../emulators/razorpay/embedded';
import { createBillingSubgraph } from '../../subgraphs/billing/server';
import { createIdentitySubgraph } from '../../subgraphs/identity/server';
import { createLearningSubgraph } from '../../subgraphs/learning/server';
import { createSignalsSubgraph } from '../../subgraphs/signals/server';
import { createTradingSubgraph } from '../../subgraphs/trading/server';
import { createTestDatabase } from './database';
import type { Result } from './subgraphTest';
import { memoryInfrastructure } from './memoryInfrastructure';

/** executeOperation on one server with the context the gateway would have produced for `viewer`. */
function executorOf<L>(server: ReturnType<typeof createSubgraphServer<L>>) {
  return async (
    query: string,
    variables: Record<string, unknown>,
    viewer: Viewer | null,
  ): Promise<Result<unknown>> => {
    const response = await server.apollo.executeOperation(
      { query, variables },
      { contextValue: server.testContext(viewer) },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  };
}

/** Identity's emails, kept in memory: nothing here reads them. */
const discardingEmail: EmailSender = {
  send: async () => ({ messageId: 'discarded' }),
};

/**
 * The five subgraph servers on one fresh database, not listening: tests call `server.apollo`
 * (executeOperation) with `server.testContext(viewer)` as the gateway would have produced it.
 */
export async function startAllSubgraphServers(
  logger: Logger = createLogger({ name: 'test', level: 'silent' }),
) {
  const db = await createTestDatabase();
  const infra = memoryInfrastructure(db.prisma, logger);
  const deps: SubgraphDeps = { infra, logger, gatewaySecret: 'x'.repeat(32) };
  const signer = await createAccessTokenSigner({
    issuer: 'tradeschool-identity',
    audience: 'tradeschool-api',
  });
  const razorpay = await startEmbeddedRazorpay();
  const servers = {
    identity: createIdentitySubgraph({ ...deps, signer, email: discardingEmail }).server,
    learning: createLearningSubgraph(deps).server,
    signals: createSignalsSubgraph(deps).server,
    trading: createTradingSubgraph(deps).server,
    billing: createBillingSubgraph({ ...deps, billing: razorpay.billing }).server,
  };
  for (const server of Object.values(servers)) await server.apollo.start();
  return {
    db,
    servers,
    execute: {
      identity: executorOf(servers.identity),
      learning: executorOf(servers.learning),
      signals: executorOf(servers.signals),
      trading: executorOf(servers.trading),
      billing: executorOf(servers.billing),
    },
    async stop() {
      for (const server of Object.values(servers)) await server.apollo.stop();
      await razorpay.stop();
      await db.drop();
    },
  };
}
