import type { Domain } from '../../platform/events/envelope';
import { eventually } from '../support/env';
import { expectData, postGraphQL } from '../support/graphqlClient';
import { login, operatorGrantsAdmin, register, type ApiUser } from './api';
import { checksUp, unpublishedOutboxRows, waitUntilReady, type ProductionShape } from './harness';
import { EVERY_SUBGRAPH, errorKeys, startTraffic, type EverySubgraphData } from './traffic';

// Every client here is 127.0.0.1 and one user drives the traffic, so the per-IP and per-user allowances
// are raised (operator tuning); rate limits across gateways are scaleOut.test.ts's subject. A consumer
// killed with -9 never leaves its group: the session timeout bounds how long its partitions wait.
export const PRODUCTION_TUNING = {
  LOG_LEVEL: 'info',
  RATE_LIMIT_FREE: '100000',
  RATE_LIMIT_PREMIUM: '100000',
  RATE_LIMIT_AUTH: '1000',
  KAFKA_SESSION_TIMEOUT_MS: '6000',
  KAFKAJS_NO_PARTITIONER_WARNING: '1',
};

/** What EVERY_SUBGRAPH answers for the traffic user, per subgraph, when all are up. */
const everyAnswer = {
  identity: 'traffic',
  billing: 'FREE',
  trading: '1000000.00',
  learning: 'Candlestick Patterns for Beginners',
  signals: 'BTC-USDT',
};

export interface RecoveryFigures {
  /** From the kill until the restarted process answers /readyz. */
  readyMs: number;
  /** From the kill until the first answer through the gateway with every subgraph's fields. */
  servedMs: number;
}

/** A client of the shape's first gateway, remembering every user it registered. */
export function shapeClient(shape: () => ProductionShape) {
  const url = () => shape().gatewayUrls[0]!;
  const readyzUrl = () => url().replace('/graphql', '/readyz');
  const registered: ApiUser[] = [];

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

  async function gatewayChecks(): Promise<Record<string, string>> {
    const response = await fetch(readyzUrl(), { signal: AbortSignal.timeout(5_000) });
    return ((await response.json()) as { checks: Record<string, string> }).checks;
  }

  /** Waits for the first answer with no error at all through the gateway. */
  async function everySubgraphAnswers(user: ApiUser): Promise<void> {
    await waitUntilReady(
      readyzUrl(),
      undefined,
      60_000,
      checksUp(['identity', 'learning', 'signals', 'trading', 'billing', 'redis']),
    );
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

  return { url, registered, newUser, freePlanAndPortfolio, gatewayChecks, everySubgraphAnswers };
}

export type ShapeClient = ReturnType<typeof shapeClient>;

/**
 * kill -9 of each named process in turn while one user's traffic runs: /readyz names the dead subgraph,
 * only its fields answer SERVICE_UNAVAILABLE (the others are answered), users registered while billing
 * or trading is down get their plan and portfolio once it is back; then every outbox drains and every
 * user.registered event was applied once. Returns the recovery figures per process.
 */
export async function killInTurn(
  shape: ProductionShape,
  client: ShapeClient,
  names: (Domain | 'gateway')[],
): Promise<Record<string, RecoveryFigures>> {
  const registered = await client.newUser('traffic');
  await client.freePlanAndPortfolio(registered);
  // The production seed writes no courses: the traffic user, made an admin by the operator, authors the
  // (draft) course learning's part of the probe reads, so learning has something to answer.
  await operatorGrantsAdmin(shape.pool, registered.id);
  const driver = await login(client.url(), registered);
  await expectData(
    client.url(),
    'mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }',
    {
      input: {
        title: 'Candlestick Patterns for Beginners',
        slug: 'candlestick-patterns-for-beginners',
        summary: 'Reading price action from candles.',
        category: 'technical-analysis',
        level: 'BEGINNER',
        price: '0',
      },
    },
    driver.headers,
  );
  const traffic = startTraffic(client.url, () => driver.headers);
  const figures: Record<string, RecoveryFigures> = {};
  const whileDown: ApiUser[] = [];
  try {
    for (const name of names) {
      const killed = name === 'gateway' ? shape.gateways[0]! : shape.subgraphs.get(name)!;
      const killedAt = Date.now();
      await killed.kill();
      if (name !== 'gateway') {
        await eventually(
          async () => ((await client.gatewayChecks())[name] === 'down' ? true : undefined),
          20_000,
          `${name} down in /readyz`,
        );
        const probe = await postGraphQL<EverySubgraphData>(client.url(), EVERY_SUBGRAPH, {}, driver.headers);
        expect(new Set(errorKeys(probe.errors))).toEqual(new Set([`SERVICE_UNAVAILABLE/${name}`]));
        const answered = probe.data!;
        expect({
          identity: answered.me?.name ?? null,
          billing: answered.me?.subscription?.plan.tier ?? null,
          trading: answered.me?.portfolio?.cash.amount ?? null,
          learning: answered.courseBySlug?.title ?? null,
          signals: answered.instrument?.symbol ?? null,
        }).toEqual({
          ...everyAnswer,
          // billing's and trading's fields hang under identity's `me`.
          ...(name === 'identity' ? { billing: null, trading: null } : {}),
          [name]: null,
        });
        if (name === 'billing' || name === 'trading') {
          whileDown.push(await client.newUser(`while-${name}-down`));
        }
      }
      await shape.restart(killed);
      const readyAt = Date.now();
      await client.everySubgraphAnswers(driver);
      const servedAt = Date.now();
      figures[name] = { readyMs: readyAt - killedAt, servedMs: servedAt - killedAt };
      // Meanwhile, every error of the traffic named the dead subgraph (the gateway: no answer at all).
      const others = traffic
        .between(killedAt, servedAt)
        .flatMap((sample) => sample.errors)
        .filter((key) => key !== `SERVICE_UNAVAILABLE/${name}`);
      expect(others).toEqual([]);
    }
  } finally {
    await traffic.stop();
  }
  const unreachable = traffic.samples.filter((sample) => sample.unreachable).length;
  process.stdout.write(
    `[production shape] kill -9 recovery (ms from kill: restarted process ready, first full answer through ` +
      `the gateway): ${JSON.stringify(figures)}; traffic: ${traffic.samples.length} requests, ` +
      `${unreachable} while the gateway was down\n`,
  );
  for (const user of whileDown) {
    await expect(client.freePlanAndPortfolio(user)).resolves.toMatchObject({
      subscription: { plan: { tier: 'FREE' } },
      portfolio: { cash: { amount: '1000000.00' } },
    });
  }
  await eventually(
    async () => {
      const backlog = await unpublishedOutboxRows(shape.pool);
      return Object.values(backlog).every((count) => count === 0) ? backlog : undefined;
    },
    30_000,
    'every outbox published',
  );
  await expectEffectsOnce(
    shape,
    client.registered.map((user) => user.id),
  );
  return figures;
}

/** One user.registered event per user, applied once by billing and once by trading: one plan, one portfolio. */
async function expectEffectsOnce(shape: ProductionShape, userIds: string[]): Promise<void> {
  const pool = shape.pool;
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
    const twice = rows.filter((row) => row.count !== '1');
    expect({ domain, applied: rows.length, twice }).toEqual({ domain, applied: userIds.length, twice: [] });
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
