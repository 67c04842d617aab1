import { marketTickEnvelope } from '../../platform/events/marketTick';
import { randomUUID } from 'node:crypto';
import type { GatewayLimitOverrides } from '../../gateway/limits/limitsConfig';
import { type Stack } from '../../gateway/stack';
import { type LiveUserEvent, type MarketTickPayload } from '../../platform/events/topics';
import { DEMO_PASSWORD } from '../../prisma/seed/data';
import { createSeededTestDatabase, type TestDatabase } from '../support/database';
import { eventually } from '../support/env';
import { startTestStack } from '../support/testStack';
import { expectData } from '../support/graphqlClient';
import { liveClient, type LiveClient } from '../support/liveSignalsClient';
import { forgeAccessToken, testSigningKey } from './identityTokens';

export type DemoAccount = 'free' | 'premium' | 'enterprise' | 'analyst';

/**
 * One stack on the real PostgreSQL, Kafka and Redis, with live channels of its own (other runs share
 * Redis), demo accounts logged in, and real graphql-ws clients. `produceMarketTick` publishes on Kafka
 * as the market feed does; `publishUserEvent` puts an event straight on the user channel (to check what
 * the gateway does with one no domain would send).
 */
export async function startLiveHarness(
  name: string,
  options: { freeSignalDelayMs?: number; gatewayLimits?: GatewayLimitOverrides } = {},
) {
  const suffix = randomUUID();
  const channels = {
    signals: `live.signals.${name}.${suffix}`,
    user: `live.user.${name}.${suffix}`,
    ticks: `live.ticks.${name}.${suffix}`,
  };
  const db: TestDatabase = await createSeededTestDatabase();
  const key = await testSigningKey();
  const stack: Stack = await startTestStack(db, `e2e-${name}`, {
    identity: { privateKeyPem: key.privateKeyPem, publicKeyPem: key.publicKeyPem },
    signals: {
      fanoutGroupId: `signals-fanout-${name}-${suffix}`,
      liveChannel: channels.signals,
      freeSignalDelayMs: options.freeSignalDelayMs ?? 0,
    },
    liveChannels: { user: channels.user, ticks: channels.ticks },
    gatewayLimits: options.gatewayLimits,
  });
  const tokens = {} as Record<DemoAccount, string>;
  for (const account of ['free', 'premium', 'enterprise', 'analyst'] as const) {
    const data = await expectData<{ login: { accessToken: string } }>(
      stack.gatewayUrl,
      `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: { email: `${account}@demo.test`, password: DEMO_PASSWORD } },
    );
    tokens[account] = data.login.accessToken;
  }
  const clients: LiveClient[] = [];
  const graphql = <T>(account: DemoAccount, query: string, variables: Record<string, unknown> = {}) =>
    expectData<T>(stack.gatewayUrl, query, variables, { authorization: `Bearer ${tokens[account]}` });

  return {
    stack,
    db,
    tokens,
    /** A token of identity's key for `userId`, expiring `seconds` from now. */
    tokenFor: (userId: string, seconds: number, tier = 'PREMIUM') =>
      forgeAccessToken(
        userId,
        { key: key.privateKey, kid: key.kid, expiresAt: Math.floor(Date.now() / 1000) + seconds },
        { tier, sid: randomUUID(), roles: ['LEARNER', 'TRADER'] },
      ),
    connect(token?: string): LiveClient {
      const client = liveClient(stack.gatewayUrl, token);
      clients.push(client);
      return client;
    },
    async waitForSubscribers(count: number): Promise<void> {
      const { hub } = stack.gateway.live;
      await eventually(async () => (hub.stats().subscribers >= count ? true : undefined), 10_000);
    },
    publishUserEvent: (event: LiveUserEvent) => stack.livePubSub.engine.publish(channels.user, event),
    graphql,
    /** A tick on Kafka market.ticks, as the market feed publishes it (signals and trading consume it). */
    async produceMarketTick(symbol: string, price: string): Promise<void> {
      const { instrument } = await graphql<{ instrument: { id: string } }>(
        'premium',
        'query($symbol: String!) { instrument(symbol: $symbol) { id } }',
        { symbol },
      );
      const at = new Date().toISOString();
      const tick: MarketTickPayload = {
        instrumentId: instrument.id,
        symbol,
        price,
        bid: price,
        ask: price,
        at,
      };
      await stack.infra.bus.publish([marketTickEnvelope(tick)]);
    },
    async stop(): Promise<void> {
      for (const client of clients) await client.dispose();
      await stack.stop();
      await stack.infra.bus.stop();
      await db.drop();
    },
  };
}

export type LiveHarness = Awaited<ReturnType<typeof startLiveHarness>>;
