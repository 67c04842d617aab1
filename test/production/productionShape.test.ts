import { eventually } from '../support/env';
import { expectData } from '../support/graphqlClient';
import { liveClient, type LiveClient } from '../support/liveSignalsClient';
import { LIVE_SIGNALS, buyPremium, createAnalyst, login, publishSignal, type LiveSignal } from './api';
import { startProductionShape, withProcessOutput, type ProductionShape } from './harness';
import { PRODUCTION_TUNING, killInTurn, shapeClient } from './killCycle';
import type { ManagedProcess } from './processes';
import { FOUR_SUBGRAPHS } from './traffic';

// The deployment of docker-compose.yml as separate OS processes with NODE_ENV=production (./harness.ts):
// the main flows, then kill -9 of identity, learning and signals (productionRecovery.test.ts kills
// trading, billing and the gateway: one file for all six restarts ran close to 3 minutes under load).
let shape: ProductionShape | undefined;
const client = shapeClient(() => shape!);
const clients: LiveClient[] = [];

beforeAll(async () => {
  shape = await startProductionShape({ tuning: PRODUCTION_TUNING });
}, 300_000);

afterAll(async () => {
  for (const live of clients) await live.dispose();
  await shape?.stop();
}, 60_000);

/** Lines the gateway logged when a subscriber started receiving (gateway/subscriptions/liveSubscriptions.ts). */
function liveSubscriptionsStarted(gateway: ManagedProcess): number {
  return gateway.lines().filter((line) => line.includes('"live subscription started"')).length;
}

describe('the production shape (five subgraphs and a gateway as processes, NODE_ENV=production)', () => {
  it('holds no demo data after the production seed: no users, courses, signals or candles of the seed', async () => {
    const count = async (sql: string) => Number((await shape!.pool.query<{ n: string }>(sql)).rows[0]!.n);
    // Before anyone registers: the seed alone wrote these.
    expect({
      users: await count('SELECT count(*) AS n FROM identity."user"'),
      courses: await count('SELECT count(*) AS n FROM learning.course'),
      signals: await count('SELECT count(*) AS n FROM signals.signal'),
      demoSources: await count('SELECT count(*) AS n FROM signals.signal_source WHERE is_demo'),
      // No market feed runs in this deployment: any candle would be the seed's simulated history.
      candles: await count('SELECT count(*) AS n FROM signals.candle'),
    }).toEqual({ users: 0, courses: 0, signals: 0, demoSources: 0, candles: 0 });
    // The reference data is there: plans, instruments, one source per strategy in the code.
    expect(await count('SELECT count(*) AS n FROM billing.plan')).toBeGreaterThanOrEqual(3);
    expect(await count('SELECT count(*) AS n FROM signals.instrument')).toBeGreaterThan(0);
    expect(
      await count("SELECT count(*) AS n FROM signals.signal_source WHERE kind = 'STRATEGY'"),
    ).toBeGreaterThan(0);
  });

  it(
    'answers over four subgraphs, registers with a FREE plan and a portfolio, logs in, delivers a live signal',
    () =>
      withProcessOutput(shape, async () => {
        const learner = await client.newUser('learner');
        await client.freePlanAndPortfolio(learner);
        const { me } = await expectData<{ me: unknown }>(client.url(), FOUR_SUBGRAPHS, {}, learner.headers);
        expect(me).toMatchObject({
          name: 'learner',
          email: learner.email,
          tier: 'FREE',
          subscription: { plan: { tier: 'FREE', price: { amount: '0.00', currency: 'INR' } } },
          enrollments: [],
          portfolio: { cash: { amount: '1000000.00', currency: 'INR' } },
        });
        const again = await login(client.url(), learner);
        const { me: viaLogin } = await expectData<{ me: { name: string } }>(
          client.url(),
          '{ me { name } }',
          {},
          again.headers,
        );
        expect(viaLogin.name).toBe('learner');

        const analyst = await createAnalyst(client.url(), shape!.pool);
        const subscriber = await buyPremium(
          client.url(),
          shape!.emulators.razorpay,
          shape!.pool,
          await client.newUser('premium'),
        );
        const live = liveClient(client.url(), subscriber.headers.authorization!.slice('Bearer '.length));
        clients.push(live);
        const gateway = shape!.gateways[0]!;
        const started = liveSubscriptionsStarted(gateway);
        const signals = live.subscribe<LiveSignal>(LIVE_SIGNALS, { symbols: ['BTC-USDT'] });
        await eventually(
          async () => (liveSubscriptionsStarted(gateway) > started ? true : undefined),
          20_000,
          'the subscription',
        );
        const signal = await publishSignal(client.url(), analyst);
        const message = await eventually(async () => signals.messages[0], 30_000, 'the live signal');
        expect(message.data?.signalPublished).toEqual({
          id: signal.id,
          sequence: signal.sequence,
          side: 'BUY',
          instrument: { symbol: 'BTC-USDT' },
        });
        expect(signals.failures).toEqual([]);
      }),
    240_000,
  );

  it(
    'survives kill -9 of identity, learning and signals in turn: readyz, SERVICE_UNAVAILABLE for that subgraph only, recovery, no event lost',
    () =>
      withProcessOutput(shape, async () => {
        const figures = await killInTurn(shape!, client, ['identity', 'learning', 'signals']);
        expect(Object.keys(figures)).toEqual(['identity', 'learning', 'signals']);
      }),
    300_000,
  );
});
