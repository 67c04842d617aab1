// Live signal fan-out benchmark (not a test): `npx tsx bench/subscriptions.ts [1000,5000,10000] [events]`.
// One stack on the real PostgreSQL, Kafka and Redis; N graphql-ws clients on one gateway node; an analyst
// publishes signals through the gateway. Latency is commit → client receive (the outbox relay, Kafka,
// the fan-out consumer, Redis and the gateway in between), for the shared-execution hub and for the
// naive baseline that executes the operation once per subscriber.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { gatewayConfigSchema } from '../gateway/config';
import { createGatewayServer } from '../gateway/server';
import { startStack } from '../gateway/stack';
import { createKafkaBus } from '../platform/events/kafkaBus';
import { createLogger } from '../platform/logger';
import { seed } from '../prisma/seed';
import { DEMO_PASSWORD } from '../prisma/seed/data';
import { createTestDatabase } from '../test/support/database';
import { kafkaBrokers, redisUrl, testGatewaySecret } from '../test/support/env';
import { expectData } from '../test/support/graphqlClient';

const counts = (process.argv[2] ?? '1000,5000,10000').split(',').map(Number);
const events = Number(process.argv[3] ?? 20);
const LIVE =
  'subscription { signalPublished { id sequence side price instrument { symbol } author { id } } }';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

async function main() {
  const logger = createLogger({ name: 'bench', level: 'warn' });
  const db = await createTestDatabase();
  await seed(db.prisma, { demoAccounts: true });
  const channel = `live.signals.bench.${randomUUID()}`;
  const stack = await startStack({
    databaseUrl: db.url,
    bus: createKafkaBus({ brokers: kafkaBrokers.split(','), clientId: 'bench', logger }),
    redisUrl,
    gatewaySecret: testGatewaySecret,
    logger,
    gatewayPort: 0,
    subgraphPorts: 'ephemeral',
    outboxPollMs: 20,
    signals: { fanoutGroupId: `signals-fanout-bench-${randomUUID()}`, liveChannel: channel },
  });
  const node = createGatewayServer(
    gatewayConfigSchema.parse({
      GATEWAY_SECRET: testGatewaySecret,
      REDIS_URL: redisUrl,
      HOST: '127.0.0.1',
      LIVE_SIGNALS_CHANNEL: channel,
      ...Object.fromEntries(
        Object.entries(stack.subgraphUrls).map(([n, u]) => [`${n.toUpperCase()}_URL`, u]),
      ),
    }),
    logger,
  );
  const nodeUrl = await node.start(0, '127.0.0.1');
  const login = async (email: string) =>
    (
      await expectData<{ login: { accessToken: string } }>(
        stack.gatewayUrl,
        'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
        { i: { email, password: DEMO_PASSWORD } },
      )
    ).login.accessToken;
  const [premium, analyst] = [await login('premium@demo.test'), await login('analyst@demo.test')];
  const rows: string[] = [];

  for (const n of counts) {
    const received = new Map<string, number[]>();
    const clients = Array.from({ length: n }, () =>
      createClient({
        url: nodeUrl.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${premium}` },
        retryAttempts: 0,
      }),
    );
    for (const client of clients) {
      client.subscribe<{ signalPublished: { id: string } }>(
        { query: LIVE },
        {
          next: (value) => {
            const id = value.data?.signalPublished.id;
            if (id) (received.get(id) ?? received.set(id, []).get(id)!).push(Date.now());
          },
          error: () => {},
          complete: () => {},
        },
      );
    }
    while (node.live.hub.stats().subscribers < n) await new Promise((r) => setTimeout(r, 100));

    for (const mode of ['shared', 'per-subscriber'] as const) {
      node.live.hub.setShareExecutions(mode === 'shared');
      received.clear();
      const latencies: number[] = [];
      const started = Date.now();
      for (let e = 0; e < events; e++) {
        const { publishSignal } = await expectData<{ publishSignal: { id: string; createdAt: string } }>(
          stack.gatewayUrl,
          'mutation($i: PublishSignalInput!) { publishSignal(input: $i) { id createdAt } }',
          { i: { symbol: 'BTC-USDT', side: 'BUY', strategy: 'bench', price: '60000.00', confidence: '0.5' } },
          { authorization: `Bearer ${analyst}` },
        );
        const deadline = Date.now() + 60_000;
        while ((received.get(publishSignal.id)?.length ?? 0) < n && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 5));
        const committed = Date.parse(publishSignal.createdAt);
        for (const at of received.get(publishSignal.id) ?? []) latencies.push(at - committed);
      }
      const seconds = (Date.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const row = `| ${n} | ${mode} | ${events} | ${latencies.length} | ${percentile(latencies, 0.5)} | ${percentile(latencies, 0.99)} | ${Math.round(latencies.length / seconds)} |`;
      rows.push(row);
      process.stdout.write(`${row}\n`);
    }
    await Promise.all(clients.map((client) => client.dispose()));
    while (node.live.hub.stats().subscribers > 0) await new Promise((r) => setTimeout(r, 100));
  }

  const table = [
    '| subscribers | mode | events | deliveries | p50 ms | p99 ms | deliveries/s |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  const file = path.join(__dirname, 'results', `subscriptions-${new Date().toISOString().slice(0, 10)}.md`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    `# Live signal fan-out (commit → client receive), one gateway node, ${new Date().toISOString()}\n\n${table}\n`,
  );
  process.stdout.write(`\n${table}\nwritten to ${file}\n`);
  await node.stop();
  await stack.stop();
  await stack.infra.bus.stop();
  await db.drop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
