import { createGatewayReplayGuard } from './auth/gatewayReplayGuard';
import { loadProcessConfig, type ProcessConfig } from './config';
import type { Domain } from './events/envelope';
import { createLogger } from './logger';
import { createInfrastructure } from './runtime';
import { onShutdown } from './shutdown';
import type { subgraphConfigSchema, SubgraphConfig } from './subgraphConfig';
import { startTracing } from './telemetry/tracing';
import type { ServesHttp, SubgraphDeps } from './subgraphModule';

interface Startable extends ServesHttp {
  start(port: number, host?: string): Promise<string>;
}

/**
 * Entry point of one subgraph as its own process (docker-compose, Kubernetes): loads the subgraph's own
 * config module (subgraphs/<name>/config.ts), production rules included, before anything connects.
 */
export async function runSubgraphProcess<S extends typeof subgraphConfigSchema>(
  name: Domain,
  processConfig: ProcessConfig<S>,
  build: (deps: SubgraphDeps, config: SubgraphConfig & S['_output']) => Promise<Startable> | Startable,
): Promise<void> {
  const config: SubgraphConfig & S['_output'] = loadProcessConfig(processConfig);
  const logger = createLogger({ name, level: config.LOG_LEVEL });
  const tracing = startTracing({
    serviceName: config.OTEL_SERVICE_NAME ?? name,
    endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  const infra = createInfrastructure(config, logger);
  await infra.start();
  // Replicas share one record of used nonces through Redis; alone, the process keeps its own.
  const gatewayReplay = createGatewayReplayGuard({
    redisUrl: config.REDIS_URL,
    windowMs: config.GATEWAY_SIGNATURE_WINDOW_MS,
  });
  const subgraph = await build(
    {
      infra,
      logger,
      gatewaySecret: config.GATEWAY_SECRET,
      gatewayReplay,
      outboxPollMs: config.OUTBOX_POLL_MS,
    },
    config,
  );
  await subgraph.start(config.PORT, config.HOST);
  onShutdown(logger, async () => {
    await subgraph.stop();
    await gatewayReplay.close();
    await infra.stop();
    await tracing.stop();
  });
}
