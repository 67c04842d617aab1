// Gateway benchmark (not a test): `npm run bench`. Our gateway and Hive Gateway, one at a time, on the
// same five subgraphs and seeded database, under the same autocannon load. See README.md.
// BENCH_DURATION (s, default 20), BENCH_WARMUP (s, default 5), BENCH_CONNECTIONS (default 50),
// BENCH_GATEWAYS (default "ours,hive"), BENCH_OPERATIONS (default all), BENCH_NOTE, BENCH_TAG.
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { CORRELATION_HEADER } from '../../platform/logger';
import { createBenchDatabase } from './database';
import { startGateway, type GatewayKind } from './gateways';
import { measureLoad, type LoadSettings } from './load';
import { benchOperations, type BenchCaller, type BenchOperation } from './operations';
import { writeReport, type Results } from './report';
import { startBenchSubgraphs, type BenchSubgraphs } from './subgraphs';

const settings: LoadSettings = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  warmupSeconds: Number(process.env.BENCH_WARMUP ?? 5),
  durationSeconds: Number(process.env.BENCH_DURATION ?? 20),
};
const gatewayKinds = (process.env.BENCH_GATEWAYS ?? 'ours,hive').split(',') as GatewayKind[];
const operations = benchOperations.filter(
  (operation) =>
    !process.env.BENCH_OPERATIONS || process.env.BENCH_OPERATIONS.split(',').includes(operation.name),
);
const SQL_SAMPLES = 5;
const say = (...parts: string[]) => process.stdout.write(`${parts.join(' ')}\n`);

type Tokens = Record<BenchCaller, string | null>;

function requestFor(url: string, operation: BenchOperation, tokens: Tokens) {
  const token = tokens[operation.caller];
  return {
    url,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: operation.query, operationName: null }),
  };
}

/** One request, which must come back complete and error-free; returns the raw body. */
async function verified(url: string, operation: BenchOperation, tokens: Tokens): Promise<string> {
  const request = requestFor(url, operation, tokens);
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...request.headers, [CORRELATION_HEADER]: `bench-verify-${Date.now()}` },
    body: request.body,
  });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
  if (!response.ok || body.errors || !body.data) {
    throw new Error(`${operation.name} at ${url}: ${response.status} ${text.slice(0, 2_000)}`);
  }
  return text;
}

async function sqlPerOperation(
  subgraphs: BenchSubgraphs,
  url: string,
  operation: BenchOperation,
  tokens: Tokens,
) {
  const before = await subgraphs.sqlStatements();
  for (let i = 0; i < SQL_SAMPLES; i += 1) await verified(url, operation, tokens);
  return ((await subgraphs.sqlStatements()) - before) / SQL_SAMPLES;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const gatewaySecret = randomBytes(32).toString('hex');
  say('bench: creating and seeding the database');
  const db = await createBenchDatabase();
  const subgraphs = await startBenchSubgraphs({ databaseUrl: db.url, redisUrl, gatewaySecret });
  const results: Results = { ours: {}, hive: {} };
  const answers = new Map<string, unknown>();
  try {
    const tokens: Tokens = {
      anonymous: null,
      enterprise: await subgraphs.login('enterprise@demo.test'),
      admin: await subgraphs.login('admin@demo.test'),
    };
    // Both gateways run side by side (only the one under load is busy) and each operation is measured
    // on one, then the other, alternating who goes first: on a shared machine whose load drifts, the
    // two figures of an operation are taken minutes apart at most.
    const gateways = [];
    for (const kind of gatewayKinds) {
      gateways.push(await startGateway(kind, { urls: subgraphs.urls, redisUrl, gatewaySecret }));
    }
    try {
      for (const [index, operation] of operations.entries()) {
        const bodies = new Map<GatewayKind, string>();
        for (const gateway of gateways) {
          const body = await verified(gateway.url, operation, tokens);
          // Both gateways must give the same answer before either is measured.
          const parsed: unknown = JSON.parse(body);
          const other = answers.get(operation.name);
          if (other !== undefined && !isDeepStrictEqual(other, parsed)) {
            throw new Error(
              `${operation.name}: ${gateway.kind} answers differently:\n${body}\n${JSON.stringify(other)}`,
            );
          }
          answers.set(operation.name, parsed);
          bodies.set(gateway.kind, body);
        }
        const order = index % 2 ? [...gateways].reverse() : gateways;
        for (const gateway of order) {
          const sql = await sqlPerOperation(subgraphs, gateway.url, operation, tokens);
          const sqlBefore = await subgraphs.sqlStatements();
          const figures = await measureLoad(
            { ...requestFor(gateway.url, operation, tokens), expectBody: bodies.get(gateway.kind)! },
            settings,
            gateway.process.pid,
          );
          const sqlUnderLoad =
            ((await subgraphs.sqlStatements()) - sqlBefore) / Math.max(1, figures.requests);
          results[gateway.kind][operation.name] = {
            ...figures,
            sqlPerOperation: sql,
            sqlPerRequestUnderLoad: Math.round(sqlUnderLoad * 100) / 100,
          };
          say(
            `bench: ${gateway.kind} ${operation.name}`,
            JSON.stringify(results[gateway.kind][operation.name]),
          );
        }
      }
    } finally {
      await Promise.all(gateways.map((gateway) => gateway.process.stop()));
    }
    const written = await writeReport(results, settings, operations, startedAt, process.env.BENCH_NOTE ?? '');
    say(`bench: wrote ${written.json} and ${written.md}`);
  } finally {
    await subgraphs.stop();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
