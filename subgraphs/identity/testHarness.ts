import { randomBytes, randomUUID } from 'node:crypto';
import { createAccessTokenSigner } from '../../platform/auth/accessToken';
import type { Viewer } from '../../platform/auth/viewer';
import type { EmailSender } from '../../platform/email/emailSender';
import { createLogger } from '../../platform/logger';
import type { PrismaClient } from '../../platform/prisma';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { viewer, codeOf, type Data, type Result } from '../../test/support/subgraphTest';
import { createIdentitySubgraph } from './server';
import { memoryInfrastructure } from '../../test/support/memoryInfrastructure';
export { viewer, codeOf, type Data, type Result };

/** Identity's tests send no email; a call would be a bug in the test. */
const noEmail: EmailSender = {
  send: () => Promise.reject(new Error('the identity test harness sends no email')),
};

/**
 * The identity subgraph on a fresh database, started as a process starts it (its start-up steps run;
 * `beforeStart` sees the database first), queried as the gateway would (signed viewer, `_entities`).
 */
export async function startIdentity(options: { beforeStart?: (prisma: PrismaClient) => Promise<void> } = {}) {
  const db: TestDatabase = await createTestDatabase();
  const logger = createLogger({ name: 'test', level: 'silent' });
  const infra = memoryInfrastructure(db.prisma, logger);
  const signer = await createAccessTokenSigner({
    issuer: 'tradeschool-identity',
    audience: 'tradeschool-api',
  });
  const subgraph = createIdentitySubgraph({
    infra,
    logger,
    gatewaySecret: 'x'.repeat(32),
    signer,
    email: noEmail,
    settings: { IDENTITY_DATA_KEY: randomBytes(32).toString('hex') },
    lockoutNamespace: `test-${randomUUID()}:`,
  });
  await options.beforeStart?.(db.prisma);
  await subgraph.start(0, '127.0.0.1');

  async function run<T = Data>(query: string, variables: Data = {}, as: Viewer | null = null) {
    const contextValue = subgraph.server.testContext(as);
    const response = await subgraph.server.apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as Result<T>;
  }

  return {
    prisma: db.prisma,
    subgraph,
    run,
    createUser: (as: Viewer) => createUser(db.prisma, as),
    async stop() {
      await subgraph.stop();
      await db.drop();
    },
  };
}

export type IdentityHarness = Awaited<ReturnType<typeof startIdentity>>;

/** A user row for `as` (the gateway's viewers refer to identity's users). */
export function createUser(prisma: PrismaClient, as: Viewer) {
  const email = `${as.userId}@example.test`;
  return prisma.user.create({
    data: { id: as.userId, email, emailNormalized: email, passwordHash: 'unused', roles: as.roles },
  });
}
