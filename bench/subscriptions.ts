// Live signal fan-out benchmark (not a test):
//   npx tsx bench/subscriptions.ts [1000,5000,10000] [events per size] [baseline events per size]
// One stack on the real PostgreSQL, Kafka and Redis; N graphql-ws subscribers on one gateway process,
// their sockets opened by a child process (bench/subscriptionClients.ts) so the clients do not take the
// gateway's CPU. An analyst publishes signals through the gateway; latency is the Kafka produce of
// signals.published (timed by wrapping the bus the outbox relay publishes with) → the client's receive,
// through the fan-out consumer, Redis and the gateway's hub. Each size runs the shared-execution hub and
// the naive baseline that executes the operation once per subscriber.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { startStack } from '../gateway/stack';
import type { EventBus } from '../platform/events/envelope';
import { createKafkaBus } from '../platform/events/kafkaBus';
import type { SignalPublishedPayload } from '../platform/events/topics';
import { createLogger } from '../platform/logger';
import { seed } from '../prisma/seed';
import { DEMO_PASSWORD } from '../prisma/seed/data';
import { createTestDatabase } from '../test/support/database';
import { kafkaBrokers, redisUrl, testGatewaySecret } from '../test/support/env';
import { expectData } from '../test/support/graphqlClient';

const counts = (process.argv[2] ?? '1000,5000,10000').split(',').map(Number);
const events = Number(process.argv[3] ?? 20);
const baselineEvents = Number(process.argv[4] ?? 2);
const LIVE =
  'subscription { signalPublished { id sequence side price instrument { symbol } author { id } } }';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

interface Row {
  subscribers: number;
  mode: 'shared' | 'per-subscriber';
  events: number;
  deliveries: number;
  expected: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Kafka produce → the event's arrival at the gateway over Redis (outbox relay excluded). */
  pipelineP50Ms: number;
  /** The event's arrival at the gateway → client receive: execution, serialisation, writes, the client. */
  gatewayP50Ms: number;
  gatewayP99Ms: number;
  /** Deliveries over the summed time from each event's produce to its last receive. */
  deliveriesPerSecond: number;
  executions: number;
  /** Gateway CPU per event: executions (with serialisation), and the write loop over the sockets. */
  executeMsPerEvent: number | null;
  writeMsPerEvent: number | null;
}

/** One client process, with a promise per reply type. */
function startClientProcess() {
  const child: ChildProcess = fork(path.join(__dirname, 'subscriptionClients.ts'), [], {
    execArgv: process.execArgv,
  });
  const waiting = new Map<string, (message: Record<string, unknown>) => void>();
  child.on('message', (message: Record<string, unknown>) => {
    const resolve = waiting.get(String(message.type));
    waiting.delete(String(message.type));
    resolve?.(message);
  });
  const request = (command: Record<string, unknown>, reply: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      waiting.set(reply, resolve);
      child.send(command);
    });
  return {
    open: (url: string, token: string, count: number) =>
      request({ type: 'open', url, token, query: LIVE, count }, 'opened'),
    awaitSignal: async (id: string, count: number, timeoutMs: number) =>
      (await request({ type: 'await', id, count, timeoutMs }, 'awaited')).times as number[],
    close: () => request({ type: 'close' }, 'closed'),
    kill: () => child.kill(),
  };
}

/** The subscribers split over a few processes: one alone cannot read 10,000 sockets as fast as they are written. */
function startClients(processes: number) {
  const children = Array.from({ length: processes }, startClientProcess);
  let shares: number[] = [];
  return {
    open: (url: string, token: string, count: number) => {
      shares = children.map((_, i) => Math.floor(count / processes) + (i < count % processes ? 1 : 0));
      return Promise.all(children.map((child, i) => child.open(url, token, shares[i]!)));
    },
    /** Each process answers once its sockets all have the signal (or at the deadline). */
    async awaitSignal(id: string, timeoutMs: number): Promise<number[]> {
      const parts = await Promise.all(
        children.map((child, i) => child.awaitSignal(id, shares[i]!, timeoutMs)),
      );
      return parts.flat();
    },
    close: () => Promise.all(children.map((child) => child.close())),
    kill: () => children.forEach((child) => child.kill()),
  };
}

async function main() {
  const logger = createLogger({ name: 'bench', level: 'warn' });
  const db = await createTestDatabase();
  await seed(db.prisma, { demoAccounts: true });
  const suffix = randomUUID();
  // A namespace of this run's own: other runs on the shared broker publish signals this database lacks.
  const kafka = createKafkaBus({
    brokers: kafkaBrokers.split(','),
    clientId: 'bench',
    logger,
    namespace: `bench-${suffix.slice(0, 8)}`,
  });
  const producedAt = new Map<string, number>();
  const bus: EventBus = {
    ...kafka,
    async publish(envelopes) {
      const now = Date.now();
      for (const e of envelopes) {
        if (e.type === 'SignalPublished') producedAt.set((e.payload as SignalPublishedPayload).signalId, now);
      }
      await kafka.publish(envelopes);
    },
  };
  const stack = await startStack({
    databaseUrl: db.url,
    bus,
    redisUrl,
    gatewaySecret: testGatewaySecret,
    logger,
    gatewayPort: 0,
    subgraphPorts: 'ephemeral',
    outboxPollMs: 20,
    signals: { fanoutGroupId: `signals-fanout-bench-${suffix}`, liveChannel: `live.signals.bench.${suffix}` },
    liveChannels: { user: `live.user.bench.${suffix}`, ticks: `live.ticks.bench.${suffix}` },
    // Every benchmark socket is one user on one address: lift the per-user and per-IP socket limits.
    gatewayLimits: { LIVE_MAX_SOCKETS_PER_USER: 1_000_000, LIVE_MAX_SOCKETS_PER_IP: 1_000_000 },
  });
  const { hub } = stack.gateway.live;
  // When each event reaches the gateway over Redis: splits the latency into pipeline and gateway parts.
  const gatewayAt = new Map<string, number>();
  await stack.livePubSub.engine.subscribe(
    `live.signals.bench.${suffix}`,
    (event: { signalId: string }) => void gatewayAt.set(event.signalId, Date.now()),
    {},
  );
  const login = async (email: string) =>
    (
      await expectData<{ login: { accessToken: string } }>(
        stack.gatewayUrl,
        'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
        { i: { email, password: DEMO_PASSWORD } },
      )
    ).login.accessToken;
  const [premium, analyst] = [await login('premium@demo.test'), await login('analyst@demo.test')];
  const publish = async () =>
    (
      await expectData<{ publishSignal: { id: string } }>(
        stack.gatewayUrl,
        'mutation($i: PublishSignalInput!) { publishSignal(input: $i) { id } }',
        {
          i: {
            symbol: 'BTC-USDT',
            side: 'BUY',
            entryPrice: '60000',
            targetPrice: '66000',
            stopLoss: '57000',
            confidence: 50,
            rationale: 'benchmark',
          },
        },
        { authorization: `Bearer ${analyst}` },
      )
    ).publishSignal.id;
  const clientProcesses = Number(process.env.BENCH_CLIENT_PROCESSES ?? 2);
  const clients = startClients(clientProcesses);
  const rows: Row[] = [];
  // The hub's execute/write breakdown, summed from its delivery hook (the same one the metrics use).
  const spent = { executeMs: 0, writeMs: 0 };
  hub.observeDeliveries(({ executeMs, writeMs }) => {
    spent.executeMs += executeMs;
    spent.writeMs += writeMs;
  });
  const loadAtStart = loadavg()[0]!.toFixed(1);

  for (const n of counts) {
    await clients.open(stack.gatewayUrl.replace(/^http/, 'ws'), premium, n);
    while (hub.stats().subscribers < n) await new Promise((r) => setTimeout(r, 100));
    for (const mode of ['shared', 'per-subscriber'] as const) {
      hub.setShareExecutions(mode === 'shared');
      const runs = mode === 'shared' ? events : baselineEvents;
      const before = { ...hub.stats(), ...spent };
      const latencies: number[] = [];
      const pipeline: number[] = [];
      const gatewayToClient: number[] = [];
      let busySeconds = 0;
      for (let e = 0; e < runs; e++) {
        const id = await publish();
        // Generous: the baseline needs seconds per thousand subscribers.
        const times = await clients.awaitSignal(id, 30_000 + n * (mode === 'shared' ? 5 : 40));
        const produced = producedAt.get(id)!;
        const arrived = gatewayAt.get(id)!;
        pipeline.push(arrived - produced);
        for (const at of times) {
          latencies.push(at - produced);
          gatewayToClient.push(at - arrived);
        }
        if (times.length) busySeconds += (Math.max(...times) - produced) / 1000;
        if (process.env.BENCH_VERBOSE) {
          const sorted = times.map((at) => at - produced).sort((a, b) => a - b);
          process.stdout.write(
            `event ${e}: pipeline ${arrived - produced} ms, p50 ${percentile(sorted, 0.5)}, max ${sorted.at(-1)}\n`,
          );
        }
      }
      for (const list of [latencies, pipeline, gatewayToClient]) list.sort((a, b) => a - b);
      const row: Row = {
        subscribers: n,
        mode,
        events: runs,
        deliveries: latencies.length,
        expected: n * runs,
        p50Ms: percentile(latencies, 0.5),
        p99Ms: percentile(latencies, 0.99),
        maxMs: latencies.at(-1) ?? NaN,
        pipelineP50Ms: percentile(pipeline, 0.5),
        gatewayP50Ms: percentile(gatewayToClient, 0.5),
        gatewayP99Ms: percentile(gatewayToClient, 0.99),
        deliveriesPerSecond: Math.round(latencies.length / busySeconds),
        executions: hub.stats().executions - before.executions,
        // The baseline's executions overlap and it writes per execution: no per-event figure.
        executeMsPerEvent: mode === 'shared' ? Math.round((spent.executeMs - before.executeMs) / runs) : null,
        writeMsPerEvent: mode === 'shared' ? Math.round((spent.writeMs - before.writeMs) / runs) : null,
      };
      rows.push(row);
      process.stdout.write(`${JSON.stringify(row)}\n`);
    }
    await clients.close();
    while (hub.stats().subscribers > 0) await new Promise((r) => setTimeout(r, 100));
  }
  clients.kill();

  const date = new Date().toISOString().slice(0, 10);
  const environment = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadavg()[0]!.toFixed(1),
    clientProcesses,
    command: `BENCH_CLIENT_PROCESSES=${clientProcesses} npx tsx bench/subscriptions.ts ${counts.join(',')} ${events} ${baselineEvents}`,
  };
  const table = [
    '| subscribers | mode | events | deliveries/expected | p50 ms | p99 ms | max ms | deliveries/s | executions | Kafka→gateway p50 | gateway→client p50 / p99 | execute / write ms per event |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.subscribers} | ${r.mode} | ${r.events} | ${r.deliveries}/${r.expected} | ${r.p50Ms} | ${r.p99Ms} | ${r.maxMs} | ${r.deliveriesPerSecond} | ${r.executions} | ${r.pipelineP50Ms} | ${r.gatewayP50Ms} / ${r.gatewayP99Ms} | ${r.executeMsPerEvent ?? 'n/a'} / ${r.writeMsPerEvent ?? 'n/a'} |`,
    ),
  ].join('\n');
  const dir = path.join(__dirname, 'results');
  // BENCH_TAG=step1 writes <date>-subscriptions-step1.*, keeping the day's other runs.
  const tag = process.env.BENCH_TAG ? `-${process.env.BENCH_TAG}` : '';
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `${date}-subscriptions${tag}.json`),
    `${JSON.stringify({ environment, rows }, null, 2)}\n`,
  );
  writeFileSync(
    path.join(dir, `${date}-subscriptions${tag}.md`),
    `# Live signal fan-out (Kafka produce → client receive), one gateway process\n\n` +
      `${environment.at}, Node ${environment.node}, ${environment.cpus} CPUs (${environment.cpuModel}), load average ` +
      `${environment.loadAverageAtStart} at start and ${environment.loadAverageAtEnd} at the end ` +
      `(other work shares the machine); subscribers' sockets in ${clientProcesses} client processes. ` +
      `\`${environment.command}\`\n\n${table}\n`,
  );
  process.stdout.write(`\n${table}\n`);
  await stack.stop();
  await kafka.stop();
  await db.drop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
