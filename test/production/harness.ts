import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import type { Domain } from '../../platform/events/envelope';
import { createEmptyDatabase } from '../support/database';
import { kafkaBrokers, testKafkaNamespace } from '../support/env';
import { releasedAfterFile } from '../support/resources';
import {
  emulatorSpec,
  gatewaySpec,
  migrateSpecs,
  subgraphNames,
  subgraphSpec,
  type DeploymentInputs,
  type DeploymentSecrets,
} from './deployment';
import { startLoadBalancer } from './loadBalancer';
import { freePort, managedProcess, runToCompletion, type ManagedProcess } from './processes';

const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 200_000;

export interface ProductionShapeOptions {
  /** Gateway processes (each its own port); default 1. */
  gateways?: number;
  /** Replicas per subgraph (behind a round-robin load balancer when more than one); default 1 each. */
  replicas?: Partial<Record<Domain, number>>;
  /** Subgraphs to run (default all five; the gateway reports the others down). */
  subgraphs?: readonly Domain[];
  /** Operator tuning passed to every process. */
  tuning?: Record<string, string>;
  /**
   * Runs the Binance emulator (emulators/binance/main.ts, printing `{"url","wsUrl"}`) and points
   * signals' market data ingestion at it (MARKET_DATA_EXCHANGE=binance, MARKET_DATA_REST_URL,
   * MARKET_DATA_WS_URL).
   */
  marketFeed?: boolean;
}

/** Fresh secrets per run, as an operator would generate them (README: openssl ecparam ... prime256v1). */
export function generateSecrets(): DeploymentSecrets {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    gatewaySecret: randomBytes(32).toString('hex'),
    jwtPrivateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    jwtPublicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    identityDataKey: randomBytes(32).toString('hex'),
    tradingDataKey: randomBytes(32).toString('hex'),
  };
}

/** Readiness as a load balancer judges it: HTTP 200 from /readyz. */
const answers200 = async (response: Response) => response.ok;

/** Polls `url` until `isReady` accepts its answer (readiness is an event we can only observe by asking). */
export async function waitUntilReady(
  url: string,
  process?: ManagedProcess,
  timeoutMs = READY_TIMEOUT_MS,
  isReady: (response: Response) => Promise<boolean> = answers200,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (process && !process.running()) {
      throw new Error(`${process.spec.name} exited before it was ready:\n${process.output()}`);
    }
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(isReady, () => false);
    if (ok) return;
    if (Date.now() > deadline) {
      throw new Error(`${url} not ready after ${timeoutMs} ms\n${process?.output() ?? ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Ready once the named checks (subgraphs, Redis) are up in the gateway's /readyz. */
export function checksUp(names: readonly string[]) {
  return async (response: Response) => {
    const { checks } = (await response.json()) as { checks?: Record<string, string> };
    return names.every((name) => checks?.[name] === 'up');
  };
}

/**
 * The deployment as docker-compose.yml runs it, as OS processes on this machine: a fresh database
 * migrated and seeded by compose's migrate commands, a Redis of this run's own (pub/sub channels are
 * global to a Redis server, so a shared one would carry another run's live events to our gateways),
 * the shared Kafka broker under a fresh namespace, the Razorpay and Postmark emulators as processes,
 * then the subgraphs and gateway(s) from ./deployment.ts.
 */
export async function startProductionShape(options: ProductionShapeOptions = {}) {
  const processes: ManagedProcess[] = [];
  const stops: (() => Promise<void>)[] = [];
  const stopAll = releasedAfterFile('production shape', async () => {
    await Promise.allSettled(processes.map((process) => process.stop()));
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  });
  const track = (process: ManagedProcess) => (processes.push(process), process);
  try {
    const startedAt = Date.now();
    const database = await createEmptyDatabase('prod');
    stops.push(database.drop);
    const [migrate, seed] = migrateSpecs(database.url);
    // compose's migrate service, while the services it does not gate (Redis, the emulators) start.
    const migrated = runToCompletion(migrate!)
      .then(() => runToCompletion(seed!))
      .then(() => Date.now() - startedAt);
    const pool = new Pool({ connectionString: database.url, max: 2 });
    stops.push(() => pool.end());

    const redisPort = await freePort(HOST);
    const redis = track(
      managedProcess({
        name: 'redis',
        command: 'redis-server',
        args: ['--port', String(redisPort), '--bind', HOST, '--save', '', '--appendonly', 'no'],
        env: {},
      }),
    );
    redis.start();

    const gatewayPorts = await Promise.all(
      Array.from({ length: options.gateways ?? 1 }, () => freePort(HOST)),
    );
    const postmark = track(managedProcess(emulatorSpec('postmark')));
    const razorpay = track(
      managedProcess(
        emulatorSpec('razorpay', {
          // Razorpay's dashboard setting: webhooks to the public API's route (the first gateway).
          RAZORPAY_WEBHOOK_URL: `http://${HOST}:${gatewayPorts[0]}/webhooks/razorpay`,
        }),
      ),
    );
    const binance = options.marketFeed ? track(managedProcess(emulatorSpec('binance'))) : undefined;
    for (const emulator of [postmark, razorpay, binance]) emulator?.start();
    const parse = <T>(line: string) => {
      try {
        return JSON.parse(line) as T;
      } catch {
        return undefined;
      }
    };
    const [migrateMs, , mail, pay, exchange] = await Promise.all([
      migrated,
      redis.firstLine((line) => (line.includes('Ready to accept connections') ? true : undefined)),
      postmark.firstLine((line) => parse<{ url: string; serverToken: string; messagesUrl: string }>(line)),
      razorpay.firstLine((line) =>
        parse<{ url: string; keyId: string; keySecret: string; webhookSecret: string }>(line),
      ),
      binance?.firstLine((line) => parse<{ url: string; wsUrl: string }>(line)),
    ]);

    const inputs: DeploymentInputs = {
      databaseUrl: database.url,
      redisUrl: `redis://${HOST}:${redisPort}`,
      kafkaBrokers,
      kafkaNamespace: testKafkaNamespace().replace('test-', 'prod-'),
      secrets: generateSecrets(),
      razorpay: pay,
      postmark: mail,
      marketData: exchange && { exchange: 'binance', restUrl: exchange.url, wsUrl: exchange.wsUrl },
      host: HOST,
      tuning: options.tuning,
    };

    const running = options.subgraphs ?? subgraphNames;
    const subgraphs = new Map<string, ManagedProcess>();
    const subgraphBaseUrls = {} as Record<Domain, string>;
    for (const name of subgraphNames) {
      const count = running.includes(name) ? (options.replicas?.[name] ?? 1) : 0;
      const ports = await Promise.all(Array.from({ length: Math.max(count, 1) }, () => freePort(HOST)));
      for (let replica = 1; replica <= count; replica++) {
        const process = track(
          managedProcess(subgraphSpec(name, ports[replica - 1]!, inputs, replica, count)),
        );
        subgraphs.set(process.spec.name, process);
      }
      if (count > 1) {
        const balancer = await startLoadBalancer(HOST, ports);
        stops.push(balancer.stop);
        subgraphBaseUrls[name] = balancer.url;
      } else {
        subgraphBaseUrls[name] = `http://${HOST}:${ports[0]}`;
      }
    }
    const gateways = gatewayPorts.map((port, index) =>
      track(managedProcess(gatewaySpec(port, subgraphBaseUrls, inputs, index + 1))),
    );
    const servers = [...subgraphs.values(), ...gateways];
    for (const process of servers) process.start();
    // The gateway is ready (200) even with a subgraph down (platform/health.ts soft checks): wait until
    // it sees every subgraph that runs here, and its Redis, up.
    const gatewayReady = checksUp([...running, 'redis']);
    const readiness = (process: ManagedProcess) => (gateways.includes(process) ? gatewayReady : answers200);
    const ready = (process: ManagedProcess) =>
      waitUntilReady(process.spec.readyUrl!, process, READY_TIMEOUT_MS, readiness(process));
    await Promise.all(servers.map(ready));
    process.stdout.write(
      `[production shape] ${servers.length} processes ready ${Date.now() - startedAt} ms after start ` +
        `(migrate and seed: ${migrateMs} ms)\n`,
    );

    return {
      inputs,
      pool,
      /** `/graphql` of each gateway. */
      gatewayUrls: gatewayPorts.map((port) => `http://${HOST}:${port}/graphql`),
      gateways,
      /** By process name: identity, signals#2... */
      subgraphs,
      emulators: { postmark: mail, razorpay: pay },
      /** Restarts a killed process and resolves once its /readyz answers. */
      async restart(process: ManagedProcess): Promise<void> {
        process.start();
        await ready(process);
      },
      /** Every process's captured output, for a failure report. */
      report: () => processReport(processes),
      stop: stopAll,
    };
  } catch (error) {
    const report = processReport(processes);
    await stopAll();
    throw new Error(`production shape did not start: ${String(error)}\n${report}`, {
      cause: error,
    });
  }
}

/** The last lines of every process's output (a failure's explanation is at the end). */
function processReport(processes: ManagedProcess[], bytesEach = 12_000): string {
  return processes
    .map((process) => `===== ${process.spec.name} =====\n${process.output().slice(-bytesEach)}`)
    .join('\n');
}

export type ProductionShape = Awaited<ReturnType<typeof startProductionShape>>;

/** Runs `work`; on failure prints every process's output with the error, then rethrows. */
export async function withProcessOutput<T>(
  shape: ProductionShape | undefined,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (shape) process.stderr.write(`${shape.report()}\n`);
    throw error;
  }
}

/** Unpublished outbox rows per domain (all zero once every relay has caught up). */
export async function unpublishedOutboxRows(pool: Pool): Promise<Record<Domain, number>> {
  const counts = await Promise.all(
    subgraphNames.map(async (domain) => {
      const { rows } = await pool.query<{ count: string }>(
        `SELECT count(*) FROM "${domain}"."outbox_event" WHERE published_at IS NULL`,
      );
      return [domain, Number(rows[0]!.count)] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<Domain, number>;
}
