import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import WebSocket from 'ws';
import { createTradeSchoolClient, type TradeSchoolClientOptions } from '../../clients/sdk/src';
import { type Stack } from '../../gateway/stack';
import { repoRoot } from '../../platform/topology';
import { DEMO_PASSWORD } from '../../prisma/seed/data';
import { createSeededTestDatabase, type TestDatabase } from '../support/database';

import { startTestStack } from '../support/testStack';

/** The manifest codegen writes next to the SDK's documents (the gateway loads it in enforce mode). */
export const trustedDocumentsManifest = path.join(
  repoRoot,
  'clients',
  'sdk',
  'src',
  'generated',
  'persisted-documents.json',
);

export interface ClientsStack {
  db: TestDatabase;
  stack: Stack;
  /** Identity's signing key, for tests that mint tokens identity would have issued. */
  keys: { privateKeyPem: string; publicKeyPem: string };
  sdk(options?: Partial<TradeSchoolClientOptions>): ReturnType<typeof createTradeSchoolClient>;
  /** An SDK client signed in as a demo account (`admin`, `analyst`, `premium`...). */
  signedIn(
    account: string,
    options?: Partial<TradeSchoolClientOptions>,
  ): Promise<ReturnType<typeof createTradeSchoolClient>>;
  stop(): Promise<void>;
}

/**
 * The whole supergraph on a seeded database of its own, real Kafka (own namespace) and Redis (own
 * live channel), with trusted documents enforced: only codegen's operations are accepted over HTTP.
 */
export async function startClientsStack(): Promise<ClientsStack> {
  const db = await createSeededTestDatabase();
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const keys = { privateKeyPem: await exportPKCS8(privateKey), publicKeyPem: await exportSPKI(publicKey) };
  const suffix = randomUUID();
  const stack = await startTestStack(db, 'e2e-clients', {
    identity: keys,
    // Channels of this run only: other runs share Redis.
    signals: {
      fanoutGroupId: `signals-fanout-clients-${suffix}`,
      liveChannel: `live.signals.clients.${suffix}`,
      userChannel: `live.user.clients.${suffix}`,
      ticksChannel: `live.ticks.clients.${suffix}`,
    },
    liveChannels: { user: `live.user.clients.${suffix}`, ticks: `live.ticks.clients.${suffix}` },
    gatewayLimits: { TRUSTED_DOCUMENTS: 'enforce', TRUSTED_DOCUMENTS_MANIFEST: trustedDocumentsManifest },
  });
  const clients: ReturnType<typeof createTradeSchoolClient>[] = [];
  const sdk = (options: Partial<TradeSchoolClientOptions> = {}) => {
    const client = createTradeSchoolClient({ url: stack.gatewayUrl, webSocketImpl: WebSocket, ...options });
    clients.push(client);
    return client;
  };
  return {
    db,
    stack,
    keys,
    sdk,
    async signedIn(account, options) {
      const client = sdk(options);
      await client.login(`${account}@demo.test`, DEMO_PASSWORD);
      return client;
    },
    async stop() {
      for (const client of clients) await client.dispose();
      await stack.stop();
      await stack.infra.bus.stop();
      await db.drop();
    },
  };
}
