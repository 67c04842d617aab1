// The two gateways under test, each started in a process of its own on the same subgraphs.
import { randomBytes } from 'node:crypto';
import { Domains, type Domain } from '../../platform/events/envelope';
import { freePort, startProcess, waitForHttp, type BenchProcess } from './processes';

export type GatewayKind = 'ours' | 'hive';

export interface RunningGateway {
  kind: GatewayKind;
  url: string;
  process: BenchProcess;
}

/**
 * Node flags of both gateways: docker-compose.yml starts ours with them (a 64 MiB young generation:
 * a gateway allocates per request and dies young; V8's default 16 MiB spent a fifth of its CPU in
 * scavenges). Hive gets the same, so the ratio compares the code, not the heap settings.
 */
const GATEWAY_NODE_OPTIONS = process.env.BENCH_GATEWAY_NODE_OPTIONS ?? '--max-semi-space-size=64';

/** A rate limit no bench run reaches: the limiter still runs (one Redis script per request). */
const BENCH_ALLOWANCE = '100000000';

function subgraphEnv(urls: Record<Domain, string>): Record<string, string> {
  return Object.fromEntries(Domains.map((name) => [`${name.toUpperCase()}_URL`, urls[name]]));
}

/**
 * Ours as deployed (gateway/index.ts, NODE_ENV=production, LOG_LEVEL info): JWT + session denylist,
 * depth/alias/token/cost limits, CSRF prevention, Redis rate limits ON. Only the hourly allowances are
 * raised (an ENTERPRISE bench client; anonymous callers share one IP here), see README.md.
 */
function oursEnv(port: number, common: Record<string, string>): Record<string, string> {
  const run = randomBytes(4).toString('hex');
  return {
    ...common,
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.BENCH_GATEWAY_LOG_LEVEL ?? 'info',
    PORT: String(port),
    HOST: '127.0.0.1',
    RATE_LIMITS: 'on',
    RATE_LIMIT_FREE: BENCH_ALLOWANCE,
    RATE_LIMIT_PREMIUM: BENCH_ALLOWANCE,
    RATE_LIMIT_ENTERPRISE: BENCH_ALLOWANCE,
    RATE_LIMIT_PREFIX: `bench:${run}:rl:`,
    RESPONSE_CACHE: process.env.BENCH_RESPONSE_CACHE ?? 'on',
    RESPONSE_CACHE_PREFIX: `bench:${run}:rc:`,
    // learning.course.changed arrives here to drop cached catalog pages (a namespace of this run's own).
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    KAFKA_NAMESPACE: `bench-${run}`,
    // Its /metrics listener on a free port: never a fixed one another run may hold.
    METRICS_PORT: '0',
  };
}

export async function startGateway(
  kind: GatewayKind,
  env: { urls: Record<Domain, string>; redisUrl: string; gatewaySecret: string },
): Promise<RunningGateway> {
  const port = await freePort();
  const common = {
    NODE_OPTIONS: GATEWAY_NODE_OPTIONS,
    ...subgraphEnv(env.urls),
    REDIS_URL: env.redisUrl,
    GATEWAY_SECRET: env.gatewaySecret,
    JWKS_URL: new URL('/.well-known/jwks.json', env.urls.identity).toString(),
  };
  const child =
    kind === 'ours'
      ? startProcess('gateway-ours', 'gateway/index.ts', oursEnv(port, common))
      : startProcess('gateway-hive', 'bench/gateway/hiveGateway.ts', { ...common, PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}${kind === 'ours' ? '/readyz' : '/readiness'}`);
  return { kind, url: `${base}/graphql`, process: child };
}
