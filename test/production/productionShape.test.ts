import { eventually } from '../support/env';
import { expectData, postGraphQL } from '../support/graphqlClient';
import { liveClient, type LiveClient } from '../support/liveSignalsClient';
import {
  LIVE_SIGNALS,
  buyPremium,
  createAnalyst,
  login,
  publishSignal,
  register,
  type ApiUser,
  type LiveSignal,
} from './api';
import { subgraphNames } from './deployment';
import {
  startProductionShape,
  unpublishedOutboxRows,
  waitUntilReady,
  withProcessOutput,
  type ProductionShape,
} from './harness';
import type { ManagedProcess } from './processes';
import { EVERY_SUBGRAPH, FOUR_SUBGRAPHS, errorKeys, startTraffic, type EverySubgraphData } from './traffic';

// The deployment of docker-compose.yml as separate OS processes with NODE_ENV=production (./harness.ts).
// Every client here is 127.0.0.1 and one user drives the traffic, so the per-IP and per-user allowances
// are raised (operator tuning); rate limits across gateways are scaleOut.test.ts's subject. A consumer
// killed with -9 never leaves its group: the session timeout bounds how long its partitions wait.
const TUNING = {
  LOG_LEVEL: 'info',
  RATE_LIMIT_FREE: '100000',
  RATE_LIMIT_PREMIUM: '100000',
  RATE_LIMIT_AUTH: '1000',
  KAFKA_SESSION_TIMEOUT_MS: '6000',
  KAFKAJS_NO_PARTITIONER_WARNING: '1',
};

let shape: ProductionShape | undefined;
const clients: LiveClient[] = [];
const registered: ApiUser[] = [];

beforeAll(async () => {
  shape = await startProductionShape({ tuning: TUNING });
}, 170_000);

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await shape?.stop();
}, 60_000);

const url = () => shape!.gatewayUrls[0]!;
const readyzUrl = () => url().replace('/graphql', '/readyz');

async function gatewayChecks(): Promise<Record<string, string>> {
  const response = await fetch(readyzUrl(), { signal: AbortSignal.timeout(5_000) });
  return ((await response.json()) as { checks: Record<string, string> }).checks;
}

async function newUser(label: string): Promise<ApiUser> {
  const user = await register(url(), label);
  registered.push(user);
  return user;
}

/** Resolves once the user's FREE plan (billing) and paper portfolio (trading) are there. */
function freePlanAndPortfolio(user: ApiUser, timeoutMs = 60_000) {
  return eventually(
    async () => {
      const result = await postGraphQL<EverySubgraphData>(url(), EVERY_SUBGRAPH, {}, user.headers);
      const me = result.data?.me;
      return me?.subscription && me.portfolio ? me : undefined;
    },
    timeoutMs,
    `FREE plan and paper portfolio of ${user.email}`,
  );
}

describe('the production shape (five subgraphs and a gateway as processes, NODE_ENV=production)', () => {
  it(
    'answers over four subgraphs, registers with a FREE plan and a portfolio, logs in, delivers a live signal',
    () =>
      withProcessOutput(shape, async () => {
        const learner = await newUser('learner');
        await freePlanAndPortfolio(learner);
        const { me } = await expectData<{ me: unknown }>(url(), FOUR_SUBGRAPHS, {}, learner.headers);
        expect(me).toMatchObject({
          name: 'learner',
          email: learner.email,
          tier: 'FREE',
          subscription: { plan: { tier: 'FREE', price: { amount: '0.00', currency: 'INR' } } },
          enrollments: [],
          portfolio: { cash: { amount: '1000000.00', currency: 'INR' } },
        });
        const again = await login(url(), learner);
        const { me: viaLogin } = await expectData<{ me: { name: string } }>(
          url(),
          '{ me { name } }',
          {},
          again.headers,
        );
        expect(viaLogin.name).toBe('learner');

        const analyst = await createAnalyst(url(), shape!.pool);
        const subscriber = await buyPremium(
          url(),
          shape!.emulators.razorpay,
          shape!.pool,
          await newUser('premium'),
        );
        const client = liveClient(url(), subscriber.headers.authorization!.slice('Bearer '.length));
        clients.push(client);
        const gateway = shape!.gateways[0]!;
        const started = liveSubscriptionsStarted(gateway);
        const live = client.subscribe<LiveSignal>(LIVE_SIGNALS, { symbols: ['BTC-USDT'] });
        await eventually(
          async () => (liveSubscriptionsStarted(gateway) > started ? true : undefined),
          20_000,
          'the subscription',
        );
        const signal = await publishSignal(url(), analyst);
        const message = await eventually(async () => live.messages[0], 30_000, 'the live signal');
        expect(message.data?.signalPublished).toEqual({
          id: signal.id,
          sequence: signal.sequence,
          side: 'BUY',
          instrument: { symbol: 'BTC-USDT' },
        });
        expect(live.failures).toEqual([]);
      }),
    120_000,
  );

  it(
    'survives kill -9 of each process in turn: readyz, SERVICE_UNAVAILABLE for that subgraph only, recovery, no event lost',
    () =>
      withProcessOutput(shape, async () => {
        const driver = await newUser('traffic');
        await freePlanAndPortfolio(driver);
        const traffic = startTraffic(url, () => driver.headers);
        const figures: Record<string, { readyMs: number; servedMs: number }> = {};
        const whileDown: ApiUser[] = [];
        try {
          for (const name of subgraphNames) {
            const process = shape!.subgraphs.get(name)!;
            const killedAt = Date.now();
            await process.kill();
            await eventually(
              async () => ((await gatewayChecks())[name] === 'down' ? true : undefined),
              20_000,
              `${name} down in /readyz`,
            );
            const probe = await postGraphQL<EverySubgraphData>(url(), EVERY_SUBGRAPH, {}, driver.headers);
            expect(new Set(errorKeys(probe.errors))).toEqual(new Set([`SERVICE_UNAVAILABLE/${name}`]));
            // The other subgraphs still answer their fields.
            const answered = probe.data!;
            expect({
              identity: answered.me?.name ?? null,
              billing: answered.me?.subscription?.plan.tier ?? null,
              trading: answered.me?.portfolio?.cash.amount ?? null,
              learning: answered.courseBySlug?.title ?? null,
              signals: answered.instrument?.symbol ?? null,
            }).toEqual({
              ...everyAnswer,
              ...(name === 'identity' ? { billing: null, trading: null } : {}),
              [name]: null,
            });
            // Users registered while billing or trading is down get their plan and portfolio once it returns.
            if (name === 'billing' || name === 'trading') whileDown.push(await newUser(`while-${name}-down`));
            await shape!.restart(process);
            const readyAt = Date.now();
            await everySubgraphAnswers(driver);
            const servedAt = Date.now();
            figures[name] = { readyMs: readyAt - killedAt, servedMs: servedAt - killedAt };
            expect(
              traffic
                .between(killedAt, servedAt)
                .flatMap((sample) => sample.errors)
                .filter((key) => key !== `SERVICE_UNAVAILABLE/${name}`),
            ).toEqual([]);
          }
          const gateway = shape!.gateways[0]!;
          const killedAt = Date.now();
          await gateway.kill();
          await shape!.restart(gateway);
          const readyAt = Date.now();
          await everySubgraphAnswers(driver);
          figures.gateway = { readyMs: readyAt - killedAt, servedMs: Date.now() - killedAt };
        } finally {
          await traffic.stop();
        }
        process.stdout.write(
          `[production shape] kill -9 recovery (ms from kill: restarted process ready, first full answer through the gateway):\n${JSON.stringify(figures, null, 2)}\n`,
        );
        process.stdout.write(
          `[production shape] traffic: ${traffic.samples.length} requests, ${traffic.samples.filter((s) => s.unreachable).length} while the gateway was down\n`,
        );

        for (const user of whileDown) {
          await expect(freePlanAndPortfolio(user)).resolves.toMatchObject({
            subscription: { plan: { tier: 'FREE' } },
            portfolio: { cash: { amount: '1000000.00' } },
          });
        }
        await eventually(
          async () => {
            const backlog = await unpublishedOutboxRows(shape!.pool);
            return Object.values(backlog).every((count) => count === 0) ? backlog : undefined;
          },
          30_000,
          'every outbox published',
        );
        await expectEffectsOnce(registered.map((user) => user.id));
      }),
    170_000,
  );
});

/** What EVERY_SUBGRAPH answers for the traffic user, per subgraph, when all are up. */
const everyAnswer = {
  identity: 'traffic',
  billing: 'FREE',
  trading: '1000000.00',
  learning: 'Candlestick Patterns for Beginners',
  signals: 'BTC-USDT',
};

/** Lines the gateway logged when a subscriber started receiving (gateway/subscriptions/liveSubscriptions.ts). */
function liveSubscriptionsStarted(gateway: ManagedProcess): number {
  return gateway.lines().filter((line) => line.includes('"live subscription started"')).length;
}

/** Waits for the first answer with no error at all through the gateway. */
async function everySubgraphAnswers(user: ApiUser): Promise<void> {
  await waitUntilReady(readyzUrl(), undefined, 60_000);
  await eventually(
    async () => {
      const result = await postGraphQL<EverySubgraphData>(url(), EVERY_SUBGRAPH, {}, user.headers).catch(
        () => undefined,
      );
      return result && !result.errors?.length && result.data?.me?.portfolio && result.data.instrument
        ? true
        : undefined;
    },
    60_000,
    'a full answer',
  );
}

/** One user.registered event per user, applied once by billing and once by trading: one plan, one portfolio. */
async function expectEffectsOnce(userIds: string[]): Promise<void> {
  const pool = shape!.pool;
  const { rows: events } = await pool.query<{ id: string }>(
    `SELECT id::text FROM identity.outbox_event WHERE topic = 'identity.user.registered' AND payload->>'userId' = ANY($1)`,
    [userIds],
  );
  expect(events).toHaveLength(userIds.length);
  const eventIds = events.map((event) => event.id);
  for (const domain of ['billing', 'trading']) {
    const { rows } = await pool.query<{ event_id: string; count: string }>(
      `SELECT event_id::text, count(*) FROM "${domain}".inbox_event WHERE event_id = ANY($1::uuid[]) GROUP BY event_id`,
      [eventIds],
    );
    expect({ domain, applied: rows.length, twice: rows.filter((row) => row.count !== '1') }).toEqual({
      domain,
      applied: userIds.length,
      twice: [],
    });
  }
  const { rows: plans } = await pool.query<{ count: string }>(
    `SELECT count(*) FROM billing.subscription WHERE user_id = ANY($1::uuid[])`,
    [userIds],
  );
  const { rows: portfolios } = await pool.query<{ count: string; cash: string }>(
    `SELECT count(*), sum(cash_minor)::text AS cash FROM trading.portfolio WHERE user_id = ANY($1::uuid[])`,
    [userIds],
  );
  expect(Number(plans[0]!.count)).toBe(userIds.length);
  expect(Number(portfolios[0]!.count)).toBe(userIds.length);
  // ₹10,00,000.00 each: a portfolio credited twice would show here.
  expect(portfolios[0]!.cash).toBe(String(BigInt(userIds.length) * 100_000_000n));
}
