// Identity benchmark (not a test): `npx tsx bench/identity.ts`. Starts the whole stack on ephemeral
// ports against a fresh database on the local PostgreSQL and the local Redis, then measures
//  1. login latency (p50/p99) with 20 concurrent clients, through the gateway;
//  2. access-token verification at the gateway: in-process (JWKS cached, denylist lookup in Redis)
//     and over HTTP (`{ __typename }` with a bearer token, 20 concurrent clients).
// The SLA from the seed: authentication under 200 ms at p99.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { availableParallelism } from 'node:os';
import { createGatewayAuth } from '../gateway/auth/gatewayAuth';
import { startStack } from '../gateway/stack';
import { hashPassword } from '../platform/auth/password';
import { createLogger } from '../platform/logger';
import { identitySettingsSchema } from '../subgraphs/identity/config';
import { createTestDatabase } from '../test/support/database';

const CONCURRENCY = 20;
const LOGINS = Number(process.env.BENCH_LOGINS ?? 400);
const VERIFICATIONS = Number(process.env.BENCH_VERIFICATIONS ?? 20_000);
/** BENCH_SCRYPT_N=16384 shows the cost of the password hash against the rest of the login path. */
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function inParallel(total: number, work: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) await work(next++);
    }),
  );
  return performance.now() - started;
}

async function graphql(url: string, query: string, variables: object, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: Record<string, { accessToken?: string }>;
    errors?: unknown[];
  };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data ?? {};
}

/** Median time of one hash with the identity's configured parameters, alone on an idle process. */
async function singleHashMs(settings: Record<string, number>): Promise<{ label: string; ms: number }> {
  const config = identitySettingsSchema.parse(settings);
  const params = {
    N: config.PASSWORD_SCRYPT_N,
    r: config.PASSWORD_SCRYPT_R,
    p: config.PASSWORD_SCRYPT_P,
    keyLength: 32,
  };
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    await hashPassword('Bench-Password-42', params);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { label: `scrypt N=${params.N} r=${params.r} p=${params.p}`, ms: times[2]! };
}

async function main(): Promise<void> {
  const logger = createLogger({ name: 'bench', level: process.env.LOG_LEVEL ?? 'error' });
  const settings: Record<string, number> = process.env.BENCH_SCRYPT_N
    ? { PASSWORD_SCRYPT_N: Number(process.env.BENCH_SCRYPT_N) }
    : {};
  const hash = await singleHashMs(settings);
  const db = await createTestDatabase();
  const stack = await startStack({
    databaseUrl: db.url,
    redisUrl,
    gatewaySecret: randomBytes(32).toString('hex'),
    logger,
    gatewayPort: 0,
    subgraphPorts: 'ephemeral',
    identity: {
      lockoutNamespace: `bench-${randomBytes(4).toString('hex')}:`,
      // The accounts are registered here, so their hashes use this cost (default: the config default).
      settings,
    },
  });
  try {
    const url = stack.gatewayUrl;
    const password = 'Bench-Password-42';
    const emails = Array.from(
      { length: CONCURRENCY },
      (_, i) => `bench-${i}-${randomBytes(3).toString('hex')}@example.test`,
    );
    for (const email of emails) {
      await graphql(
        url,
        `
          mutation ($i: RegisterInput!) {
            register(input: $i) {
              accessToken
            }
          }
        `,
        {
          i: { email, password },
        },
      );
    }

    const latencies: number[] = [];
    let token = '';
    const loginMs = await inParallel(LOGINS, async (i) => {
      const started = performance.now();
      const data = await graphql(
        url,
        `
          mutation ($i: LoginInput!) {
            login(input: $i) {
              accessToken
            }
          }
        `,
        {
          i: { email: emails[i % emails.length], password },
        },
      );
      latencies.push(performance.now() - started);
      token = data.login?.accessToken ?? token;
    });
    latencies.sort((a, b) => a - b);

    const auth = createGatewayAuth({
      jwksUrl: new URL('/.well-known/jwks.json', stack.subgraphUrls.identity).toString(),
      issuer: 'tradeschool-identity',
      audience: 'tradeschool-api',
      redisUrl,
      logger,
    });
    const request = { headers: { authorization: `Bearer ${token}` }, socket: { remoteAddress: '127.0.0.1' } };
    await auth.authenticate(request as unknown as IncomingMessage, 'warm-up');
    const verifyMs = await inParallel(VERIFICATIONS, async () => {
      await auth.authenticate(request as unknown as IncomingMessage, 'bench');
    });
    await auth.close();

    const httpRequests = 4_000;
    const httpMs = await inParallel(httpRequests, async () => {
      await graphql(
        url,
        `
          {
            __typename
          }
        `,
        {},
        { authorization: `Bearer ${token}` },
      );
    });

    const row = (label: string, value: string) => process.stdout.write(`${label.padEnd(48)} ${value}\n`);
    // Every login is one hash of CPU: with more clients than cores they queue, whatever else is done.
    const cores = availableParallelism();
    row(`one hash alone (${hash.label})`, `${hash.ms.toFixed(1)} ms`);
    row(
      `queueing floor, ${CONCURRENCY} clients on ${cores} cores`,
      `~${((CONCURRENCY * hash.ms) / cores).toFixed(0)} ms per login (${CONCURRENCY} x hash / cores)`,
    );
    row(
      'login p50 / p99 (20 concurrent clients)',
      `${percentile(latencies, 50).toFixed(1)} ms / ${percentile(latencies, 99).toFixed(1)} ms`,
    );
    row('login throughput', `${((LOGINS / loginMs) * 1000).toFixed(1)} logins/s (${LOGINS} logins)`);
    row(
      'token verification, in-process (JWKS + Redis)',
      `${((VERIFICATIONS / verifyMs) * 1000).toFixed(0)} verifications/s`,
    );
    row(
      'gateway HTTP { __typename } with a bearer token',
      `${((httpRequests / httpMs) * 1000).toFixed(0)} requests/s`,
    );
  } finally {
    await stack.stop();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
