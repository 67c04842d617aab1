// The five subgraphs as in a deployment: one process each (their own index.ts), each preloaded with
// the SQL statement counter.
import path from 'node:path';
import { signedSubgraphHeaders } from '../../platform/auth/gatewaySignature';
import { Domains, type Domain } from '../../platform/events/envelope';
import { DEMO_PASSWORD } from '../../prisma/seed/data';
import { freePort, sqlCount, startProcess, waitForHttp, type BenchProcess } from './processes';

export interface BenchSubgraphs {
  urls: Record<Domain, string>;
  processes: BenchProcess[];
  /** SQL statements all subgraphs have sent so far. */
  sqlStatements(): Promise<number>;
  /** An access token for a demo account, from identity's login (no gateway, no auth rate limit). */
  login(email: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startBenchSubgraphs(env: {
  databaseUrl: string;
  redisUrl: string;
  gatewaySecret: string;
}): Promise<BenchSubgraphs> {
  const urls = {} as Record<Domain, string>;
  const processes: BenchProcess[] = [];
  for (const name of Domains) {
    const port = await freePort();
    urls[name] = `http://127.0.0.1:${port}/graphql`;
    processes.push(
      startProcess(
        name,
        `subgraphs/${name}/index.ts`,
        {
          NODE_ENV: 'development',
          LOG_LEVEL: process.env.BENCH_SUBGRAPH_LOG_LEVEL ?? 'warn',
          DATABASE_URL: env.databaseUrl,
          REDIS_URL: env.redisUrl,
          GATEWAY_SECRET: env.gatewaySecret,
          PORT: String(port),
          HOST: '127.0.0.1',
          // The bench only reads: an idle outbox relay would add its polling to the SQL counts.
          OUTBOX_POLL_MS: '60000',
          RAZORPAY_KEY_ID: 'rzp_test_bench',
          RAZORPAY_KEY_SECRET: 'bench-secret',
          RAZORPAY_WEBHOOK_SECRET: 'bench-webhook-secret',
        },
        [`./${path.join('bench', 'gateway', 'sqlCounting.ts')}`],
      ),
    );
  }
  await Promise.all(Domains.map((name) => waitForHttp(new URL('/readyz', urls[name]).toString())));

  return {
    urls,
    processes,
    async sqlStatements() {
      const counts = await Promise.all(processes.map((child) => sqlCount(child)));
      return counts.reduce((sum, count) => sum + count, 0);
    },
    async login(email) {
      const correlationId = `bench-login-${Date.now()}`;
      const body = JSON.stringify({
        query: 'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }',
        variables: { input: { email, password: DEMO_PASSWORD } },
      });
      const response = await fetch(urls.identity, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signedSubgraphHeaders(
            env.gatewaySecret,
            { method: 'POST', subgraph: 'identity', path: new URL(urls.identity).pathname, body },
            { viewer: null, client: { ip: '127.0.0.1', userAgent: 'bench' }, correlationId },
          ),
        },
        body,
      });
      const answer = (await response.json()) as {
        data?: { login?: { accessToken?: string } };
        errors?: unknown;
      };
      const token = answer.data?.login?.accessToken;
      if (!token) throw new Error(`login of ${email} failed: ${JSON.stringify(answer)}`);
      return token;
    },
    async stop() {
      await Promise.all(processes.map((child) => child.stop()));
    },
  };
}
