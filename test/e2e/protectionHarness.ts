import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import pino from 'pino';
import { gatewayConfigSchema } from '../../gateway/config';
import type { GatewayLimitOverrides } from '../../gateway/limits/limitsConfig';
import { createGatewayServer } from '../../gateway/server';
import type { Stack } from '../../gateway/stack';
import { createLivePubSub } from '../../platform/pubsub';
import { testGatewaySecret } from '../support/env';

interface LogLine {
  msg: string;
  subgraph?: string;
  correlationId?: string;
}

/** Every log line of the stack, so tests can count the operations that reached a subgraph. */
export function recordingLogger() {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return {
    logger,
    lines,
    subgraphOperations: () =>
      lines.filter((line) => line.subgraph && line.msg === 'graphql operation').length,
  };
}

/** One more gateway over the stack's subgraphs, with its own limits (and Redis, if given). */
export async function startExtraGateway(
  stack: Stack,
  logger: pino.Logger,
  limits: GatewayLimitOverrides & { REDIS_URL?: string },
) {
  const config = gatewayConfigSchema.parse({
    GATEWAY_SECRET: testGatewaySecret,
    IDENTITY_URL: stack.subgraphUrls.identity,
    LEARNING_URL: stack.subgraphUrls.learning,
    SIGNALS_URL: stack.subgraphUrls.signals,
    TRADING_URL: stack.subgraphUrls.trading,
    BILLING_URL: stack.subgraphUrls.billing,
    ...limits,
  });
  // Live events stay in-process: these gateways are for HTTP tests only.
  const pubsub = createLivePubSub(undefined);
  const gateway = createGatewayServer(config, logger.child({ component: 'gateway' }), { pubsub });
  const url = await gateway.start(0, '127.0.0.1');
  return {
    url,
    async stop() {
      await gateway.stop();
      await pubsub.close();
    },
  };
}

/** A Redis of the test's own, which it may stop (never the shared one on 6379). */
export async function startPrivateRedis() {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  execFileSync('redis-server', [...args, '--daemonize', 'yes']);
  return {
    url: `redis://127.0.0.1:${port}`,
    shutdown() {
      try {
        execFileSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave'], { stdio: 'ignore' });
      } catch {
        // Already down.
      }
    },
  };
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { status: response.status, headers: response.headers, ...json };
}
