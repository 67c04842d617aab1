import { randomUUID } from 'node:crypto';
import {
  GraphQLRequestError,
  KycReviewQueueDocument,
  MeDocument,
  PlaceOrderDocument,
  PlansDocument,
  PublishSignalDocument,
  SignalPublishedDocument,
  memorySessionStore,
  type FetchLike,
  type SignalPublishedSubscription,
  type TradeSchoolClient,
} from '../../clients/sdk/src';
import { ACCESS_TOKEN_TTL_SECONDS, createAccessTokenSigner } from '../../platform/auth/accessToken';
import { DEMO_ANALYST_NAME, demoUserIds } from '../../prisma/seed/data';
import { eventually } from '../support/env';
import { postGraphQL } from '../support/graphqlClient';
import { startClientsStack, type ClientsStack } from './clientsHarness';

// The generated SDK against the whole supergraph (real Postgres, Kafka, Redis), trusted documents enforced.

/** A fetch that records each operation's name, the body sent and the HTTP status that came back. */
function recordingFetch() {
  const calls: { operationName: string; body: Record<string, unknown>; status: number }[] = [];
  const fetchImpl: FetchLike = async (input, init) => {
    const response = await fetch(input, init);
    const body = JSON.parse(String(init.body)) as Record<string, unknown>;
    calls.push({ operationName: String(body.operationName), body, status: response.status });
    return response;
  };
  return { calls, fetch: fetchImpl, named: (name: string) => calls.filter((c) => c.operationName === name) };
}

/** Publishes signals as the analyst until `received` reports one arrived (the socket connects lazily). */
async function publishUntilReceived(analyst: TradeSchoolClient, received: () => string[]) {
  const published: string[] = [];
  return eventually(
    async () => {
      const { publishSignal } = await analyst.request(PublishSignalDocument, {
        input: {
          symbol: 'BTC-USDT',
          side: 'BUY',
          strategy: 'sdk-e2e',
          entryPrice: '61000.00',
          targetPrice: '64000.00',
          stopLoss: '59000.00',
          confidence: 70,
        },
      });
      published.push(publishSignal.id);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const ids = received();
      return ids.length > 0 ? { published, received: ids } : undefined;
    },
    30_000,
    'a live signal',
  );
}

describe('generated SDK through the gateway', () => {
  let env: ClientsStack;

  beforeAll(async () => {
    env = await startClientsStack();
  }, 180_000);

  afterAll(async () => {
    await env?.stop();
  });

  it('runs a typed query whose fields come from several subgraphs', async () => {
    const admin = await env.signedIn('admin');
    const { me } = await admin.request(MeDocument);
    expect(me).toMatchObject({
      id: demoUserIds.admin,
      email: 'admin@demo.test',
      roles: ['ADMIN'],
      tier: 'ENTERPRISE',
      subscription: { status: 'ACTIVE', plan: { tier: 'ENTERPRISE' } },
      portfolio: { cash: { currency: 'INR' } },
    });
    const premium = await env.signedIn('premium');
    const enrolments = (await premium.request(MeDocument)).me?.enrollments ?? [];
    expect(enrolments.map((e) => e.course.title)).toHaveLength(2);

    const { plans } = await env.sdk().request(PlansDocument, { interval: 'MONTH' });
    expect(plans.map((p) => [p.tier, p.price.amount]).sort()).toEqual([
      ['ENTERPRISE', '9999.00'],
      ['FREE', '0.00'],
      ['PREMIUM', '2999.00'],
    ]);
  });

  it('runs a mutation, idempotent by its client order id', async () => {
    const premium = await env.signedIn('premium');
    const input = {
      symbol: 'BTC-USDT',
      side: 'BUY' as const,
      type: 'LIMIT' as const,
      quantity: '0.01',
      limitPrice: '1000.00',
      clientOrderId: `sdk-${randomUUID().slice(0, 8)}`,
    };
    const { placeOrder } = await premium.request(PlaceOrderDocument, { input });
    expect(placeOrder).toMatchObject({ clientOrderId: input.clientOrderId, symbol: 'BTC-USDT', side: 'BUY' });
    const again = await premium.request(PlaceOrderDocument, { input });
    expect(again.placeOrder.id).toBe(placeOrder.id);
    const row = await env.db.prisma.tradeOrder.findUniqueOrThrow({ where: { id: placeOrder.id } });
    expect(row.clientOrderId).toBe(input.clientOrderId);
  });

  it('throws typed errors carrying extensions.code', async () => {
    const free = await env.signedIn('free');
    const forbidden = await free.request(KycReviewQueueDocument, { first: 5 }).catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(GraphQLRequestError);
    expect(forbidden).toMatchObject({ code: 'FORBIDDEN', operationName: 'KycReviewQueue' });

    const badLogin = await env
      .sdk()
      .login('admin@demo.test', 'wrong-password-1')
      .catch((e: unknown) => e);
    expect(badLogin).toBeInstanceOf(GraphQLRequestError);
    expect((badLogin as GraphQLRequestError).code).toBe('UNAUTHENTICATED');
  });

  it('sends trusted-document ids the enforcing gateway accepts; ad-hoc documents are refused', async () => {
    const recorder = recordingFetch();
    const client = env.sdk({ fetch: recorder.fetch, documents: 'id' });
    const { plans } = await client.request(PlansDocument, {});
    expect(plans.length).toBeGreaterThan(0);
    const [sent] = recorder.named('Plans');
    expect(sent?.body.query).toBeUndefined();
    expect(sent?.body.documentId).toMatch(/^sha256:[0-9a-f]{64}$/);

    const adHoc = await postGraphQL(env.stack.gatewayUrl, '{ plans { id name } }');
    expect(adHoc.status).toBe(400);
    expect(adHoc.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
    const unknown = await fetch(env.stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ documentId: `sha256:${'0'.repeat(64)}` }),
    });
    expect(unknown.status).toBe(400);
    expect(
      ((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('receives a published signal over graphql-ws', async () => {
    const analyst = await env.signedIn('analyst');
    const premium = await env.signedIn('premium');
    const received: SignalPublishedSubscription['signalPublished'][] = [];
    const failures: unknown[] = [];
    const stop = premium.subscribe(
      SignalPublishedDocument,
      { symbols: ['BTC-USDT'] },
      { next: (data) => received.push(data.signalPublished), error: (e) => failures.push(e) },
    );
    const outcome = await publishUntilReceived(analyst, () => received.map((s) => s.id));
    stop();
    expect(failures).toEqual([]);
    expect(outcome.published).toEqual(expect.arrayContaining(outcome.received));
    expect(received[0]).toMatchObject({
      side: 'BUY',
      strategy: 'sdk-e2e',
      instrument: { symbol: 'BTC-USDT' },
      author: { id: demoUserIds.analyst, name: DEMO_ANALYST_NAME },
    });
  });

  it('refreshes a refused access token once for concurrent callers, and ahead of expiry', async () => {
    const premium = await env.signedIn('premium');
    const { refreshToken } = premium.session.current()!;
    const recorder = recordingFetch();
    // A token the gateway refuses (its signature is broken), with a valid refresh token.
    const store = memorySessionStore({
      accessToken: `${premium.session.current()!.accessToken}x`,
      refreshToken,
    });
    const client = env.sdk({ fetch: recorder.fetch, sessionStore: store, refreshMarginMs: 0 });
    const results = await Promise.all([1, 2, 3].map(() => client.request(MeDocument)));
    expect(results.map((r) => r.me?.id)).toEqual([
      demoUserIds.premium,
      demoUserIds.premium,
      demoUserIds.premium,
    ]);
    expect(recorder.named('Me').filter((c) => c.status === 401)).toHaveLength(3);
    expect(recorder.named('RefreshSession')).toHaveLength(1);
    expect(store.load()?.refreshToken).not.toBe(refreshToken);

    // Less than the margin left on the token (15 min < 16 min): refreshed before the request is sent.
    const eager = recordingFetch();
    const early = env.sdk({ fetch: eager.fetch, sessionStore: store, refreshMarginMs: 16 * 60_000 });
    expect((await early.request(MeDocument)).me?.id).toBe(demoUserIds.premium);
    expect(eager.calls.map((c) => [c.operationName, c.status])).toEqual([
      ['RefreshSession', 200],
      ['Me', 200],
    ]);
  });

  it('re-authenticates a subscription whose token expired and keeps receiving', async () => {
    const analyst = await env.signedIn('analyst');
    const premium = await env.signedIn('premium');
    // Identity's key with the clock set back: a token that passes every check and lapses in 2 seconds.
    const signer = await createAccessTokenSigner({
      issuer: 'tradeschool-identity',
      audience: 'tradeschool-api',
      ...env.keys,
      now: () => Date.now() - (ACCESS_TOKEN_TTL_SECONDS - 2) * 1000,
    });
    const shortLived = await signer.sign({
      sub: demoUserIds.premium,
      sid: randomUUID(),
      roles: ['LEARNER', 'TRADER'],
      tier: 'PREMIUM',
      kyc: 'VERIFIED',
    });
    const store = memorySessionStore({
      accessToken: shortLived,
      refreshToken: premium.session.current()!.refreshToken,
    });
    const client = env.sdk({ sessionStore: store, refreshMarginMs: 0 });
    const statuses: string[] = [];
    client.live.onStatus((status) => statuses.push(status));
    const received: string[] = [];
    const failures: unknown[] = [];
    const stop = client.subscribe(
      SignalPublishedDocument,
      {},
      { next: (data) => received.push(data.signalPublished.id), error: (e) => failures.push(e) },
    );
    await eventually(
      async () => (store.load()?.accessToken !== shortLived ? true : undefined),
      15_000,
      'refresh',
    );
    const outcome = await publishUntilReceived(analyst, () => received);
    stop();
    expect(failures).toEqual([]);
    expect(outcome.published).toEqual(expect.arrayContaining(outcome.received));
    // Closed by the gateway at expiry (4401), then reopened with the refreshed token.
    expect(statuses).toEqual(['connecting', 'connected', 'closed', 'connecting', 'connected']);
  });
});
