import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Topics } from '../../platform/events/topics';
import { eventually } from '../support/env';
import { postGraphQL } from '../support/graphqlClient';
import { liveClient, type LiveClient, type LiveMessage } from '../support/liveSignalsClient';
import {
  LIVE_SIGNALS,
  buyPremium,
  createAnalyst,
  publishSignal,
  register,
  type ApiUser,
  type LiveSignal,
} from './api';
import { observeTopic, partitionOwners } from './kafkaObserver';
import { startProductionShape, withProcessOutput, type ProductionShape } from './harness';
import type { ManagedProcess } from './processes';

// Two gateways and two signals replicas (behind a round-robin load balancer, as a Kubernetes Service)
// on one Redis, Kafka namespace and database. learning and trading are not needed here and not run.
const FREE_CALLS = 20;
const TUNING = {
  // The gateways' 'live subscription started' lines are info (what the test waits on).
  LOG_LEVEL: 'info',
  RATE_LIMIT_FREE: String(FREE_CALLS),
  RATE_LIMIT_AUTH: '1000',
  KAFKA_SESSION_TIMEOUT_MS: '6000',
  KAFKAJS_NO_PARTITIONER_WARNING: '1',
};
const FANOUT_GROUP = 'signals-fanout';
const RELAY_LOCK = 'outbox-relay:signals';

let shape: ProductionShape | undefined;
let analyst: ApiUser;
/** PREMIUM (1,000 calls an hour): reads go as them, so the FREE analyst's allowance is for publishing. */
let subscriber: ApiUser;
const clients: LiveClient[] = [];
let observer: Awaited<ReturnType<typeof observeTopic>> | undefined;
const published = () => observer?.messages ?? [];
let lockHolder: ChildProcess | undefined;
/** One PREMIUM subscriber per gateway. */
let subscribers: LiveMessage<LiveSignal>[][] = [];

beforeAll(async () => {
  shape = await startProductionShape({
    gateways: 2,
    replicas: { signals: 2 },
    subgraphs: ['identity', 'signals', 'billing'],
    tuning: TUNING,
  });
  await withProcessOutput(shape, async () => {
    const url = shape!.gatewayUrls[0]!;
    analyst = await createAnalyst(url, shape!.pool);
    subscriber = await buyPremium(
      url,
      shape!.emulators.razorpay,
      shape!.pool,
      await register(url, 'premium'),
    );
    const token = subscriber.headers.authorization!.slice('Bearer '.length);
    subscribers = await Promise.all(
      shape!.gateways.map(async (gateway, index) => {
        const before = liveSubscriptionsStarted(gateway);
        const client = liveClient(shape!.gatewayUrls[index]!, token);
        clients.push(client);
        const { messages } = client.subscribe<LiveSignal>(LIVE_SIGNALS, { symbols: ['BTC-USDT'] });
        await eventually(
          async () => (liveSubscriptionsStarted(gateway) > before ? true : undefined),
          20_000,
          `the subscriber on ${gateway.spec.name}`,
        );
        return messages;
      }),
    );
    // What the relays put on Kafka, seen by a consumer group of our own.
    observer = await observeTopic(shape!.inputs.kafkaNamespace, Topics.signalPublished);
  });
}, 300_000);

afterAll(async () => {
  if (lockHolder?.pid && lockHolder.exitCode === null && lockHolder.signalCode === null) {
    process.kill(-lockHolder.pid, 'SIGKILL');
  }
  for (const client of clients) await client.dispose();
  await observer?.stop();
  await shape?.stop();
}, 60_000);

function liveSubscriptionsStarted(gateway: ManagedProcess): number {
  return gateway.lines().filter((line) => line.includes('"live subscription started"')).length;
}

/** Publishes `count` signals, alternating gateways (and so, through the balancer, replicas). */
async function publishBurst(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push((await publishSignal(shape!.gatewayUrls[i % 2]!, analyst)).id);
  }
  return ids;
}

/** Waits until every subscriber has every one of `ids`; returns how many times each received each. */
async function deliveries(ids: string[], timeoutMs = 30_000): Promise<number[][]> {
  const counts = () =>
    subscribers.map((messages) =>
      ids.map((id) => messages.filter((message) => message.data?.signalPublished.id === id).length),
    );
  return eventually(
    async () => (counts().every((perId) => perId.every((n) => n > 0)) ? counts() : undefined),
    timeoutMs,
    `signals ${ids.join(', ')} on both gateways`,
  );
}

async function outboxEventIds(signalIds: string[]): Promise<{ id: string; published: boolean }[]> {
  const { rows } = await shape!.pool.query<{ id: string; published: boolean }>(
    `SELECT id::text, published_at IS NOT NULL AS published FROM signals.outbox_event
      WHERE topic = $1 AND payload->>'signalId' = ANY($2)`,
    [Topics.signalPublished, signalIds],
  );
  return rows;
}

/** How many times the fan-out applied each event (its inbox), and Kafka carried it. */
async function effects(eventIds: string[]) {
  const { rows } = await shape!.pool.query<{ event_id: string }>(
    `SELECT event_id::text FROM signals.inbox_event WHERE consumer = $1 AND event_id = ANY($2::uuid[])`,
    [FANOUT_GROUP, eventIds],
  );
  await eventually(
    async () =>
      eventIds.every((id) => published().some((message) => message.eventId === id)) ? true : undefined,
    30_000,
    'every event on Kafka',
  );
  return {
    applied: eventIds.map((id) => rows.filter((row) => row.event_id === id).length),
    onKafka: eventIds.map((id) => published().filter((message) => message.eventId === id).length),
  };
}

/** Resolves after three reads in a row of a signals field answer through `url`. */
async function signalsAnswer(url: string): Promise<void> {
  let streak = 0;
  await eventually(
    async () => {
      const result = await postGraphQL<{ instrument: { symbol: string } | null }>(
        url,
        '{ instrument(symbol: "BTC-USDT") { symbol } }',
        {},
        subscriber.headers,
      );
      streak = result.data?.instrument ? streak + 1 : 0;
      return streak >= 3 ? true : undefined;
    },
    20_000,
    `signals through ${url}`,
  );
}

/** The signals replica whose fan-out consumer holds the partition of the last signal published. */
async function fanoutOwnerOfLastSignal(): Promise<ManagedProcess> {
  const last = published().at(-1)!;
  const owners = await partitionOwners(shape!.inputs.kafkaNamespace, FANOUT_GROUP, Topics.signalPublished);
  const owner = owners.get(last.partition);
  const replicas = [...shape!.subgraphs.values()].filter((process) =>
    process.spec.name.startsWith('signals'),
  );
  const found = replicas.find((process) => process.spec.env.KAFKA_CLIENT_ID === owner);
  if (!found)
    throw new Error(
      `no signals replica owns partition ${last.partition} (owners: ${JSON.stringify([...owners])})`,
    );
  return found;
}

const ones = (length: number) => Array.from({ length }, () => 1);

describe('scale-out: two gateways and two signals replicas on one Redis, Kafka and PostgreSQL', () => {
  it(
    'delivers a signal to the subscribers on both gateways once each; the two relays publish each event once',
    () =>
      withProcessOutput(shape, async () => {
        const ids = await publishBurst(6);
        const counts = await deliveries(ids);
        expect(counts).toEqual([ones(6), ones(6)]);
        const events = await eventually(
          async () => {
            const rows = await outboxEventIds(ids);
            return rows.length === ids.length && rows.every((row) => row.published) ? rows : undefined;
          },
          30_000,
          'the outbox published',
        );
        const { applied, onKafka } = await effects(events.map((event) => event.id));
        expect({ applied, onKafka }).toEqual({ applied: ones(6), onKafka: ones(6) });
        process.stdout.write(
          `[scale-out] 6 signals through 2 gateways and 2 replicas: deliveries per subscriber ${JSON.stringify(counts.map((c) => c.reduce((a, b) => a + b)))}, Kafka copies ${onKafka.reduce((a, b) => a + b)}\n`,
        );
      }),
    60_000,
  );

  it(
    'a relay that dies holding the lock is taken over: its domain does not stall',
    () =>
      withProcessOutput(shape, async () => {
        // A relay's session in the middle of a batch (the lock is transaction-scoped), in a process of its
        // own: psql holding the relay lock in an open transaction, then killed with -9.
        lockHolder = spawn('psql', [shape!.inputs.databaseUrl, '-q', '-v', 'ON_ERROR_STOP=1'], {
          detached: true,
          stdio: ['pipe', 'ignore', 'ignore'],
        });
        lockHolder.stdin!.write(`BEGIN; SELECT pg_advisory_xact_lock(hashtext('${RELAY_LOCK}'));\n`);
        await eventually(
          async () => {
            const { rows } = await shape!.pool.query(
              `SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = 'psql'`,
            );
            return rows.length > 0 ? true : undefined;
          },
          10_000,
          'psql holding the relay lock',
        );
        const [id] = await publishBurst(1);
        // Committed, and no replica's relay may publish it while another session holds the lock.
        expect(await outboxEventIds([id!])).toEqual([{ id: expect.any(String), published: false }]);
        const killedAt = Date.now();
        process.kill(-lockHolder.pid!, 'SIGKILL');
        await once(lockHolder, 'exit');
        await eventually(
          async () => ((await outboxEventIds([id!]))[0]?.published ? true : undefined),
          20_000,
          'takeover',
        );
        const takeoverMs = Date.now() - killedAt;
        expect(await deliveries([id!])).toEqual([[1], [1]]);
        process.stdout.write(
          `[scale-out] relay lock holder killed -9: outbox row published ${takeoverMs} ms later\n`,
        );
      }),
    60_000,
  );

  it(
    'the fan-out group rebalances when a replica is killed: no signal lost or delivered twice',
    () =>
      withProcessOutput(shape, async () => {
        // Kill the replica whose fan-out consumer holds the partition these signals go to (one key per
        // instrument, so one partition): its events then wait for the group to rebalance.
        const replica = await fanoutOwnerOfLastSignal();
        const killedAt = Date.now();
        await replica.kill();
        // Connections the gateways kept to the killed replica (through the balancer) fail the request
        // in flight on them, as behind any load balancer; reads through each gateway settle that before
        // the mutations, which are not retried.
        await Promise.all(shape!.gatewayUrls.map((url) => signalsAnswer(url)));
        const ids = await publishBurst(6);
        const counts = await deliveries(ids, 45_000);
        const rebalancedMs = Date.now() - killedAt;
        expect(counts).toEqual([ones(6), ones(6)]);
        const rows = await outboxEventIds(ids);
        const { applied, onKafka } = await effects(rows.map((row) => row.id));
        expect(applied).toEqual(ones(6));
        // At-least-once on Kafka; exactly once in effect (the fan-out's inbox) and to each subscriber.
        expect(onKafka.every((n) => n >= 1)).toBe(true);
        process.stdout.write(
          `[scale-out] ${replica.spec.name} (fan-out owner of the signals' partition) killed -9 (session timeout ${TUNING.KAFKA_SESSION_TIMEOUT_MS} ms): all 6 signals on both gateways ${rebalancedMs} ms after the kill; Kafka copies ${onKafka.reduce((a, b) => a + b)}\n`,
        );
        await shape!.restart(replica);
      }),
    90_000,
  );

  it(
    'holds one rate-limit allowance across both gateways, not one each',
    () =>
      withProcessOutput(shape, async () => {
        const user = await register(shape!.gatewayUrls[0]!, 'limited');
        const codes: string[] = [];
        for (let i = 0; i < FREE_CALLS * 2 + 2; i++) {
          const result = await postGraphQL(shape!.gatewayUrls[i % 2]!, '{ me { name } }', {}, user.headers);
          codes.push(result.errors?.[0]?.extensions?.code ?? 'OK');
        }
        const allowed = codes.filter((code) => code === 'OK').length;
        expect(allowed).toBe(FREE_CALLS);
        expect(codes.slice(FREE_CALLS).every((code) => code === 'RATE_LIMITED')).toBe(true);
        process.stdout.write(
          `[scale-out] FREE allowance ${FREE_CALLS}/h: ${allowed} of ${codes.length} calls across 2 gateways answered\n`,
        );
      }),
    60_000,
  );
});
