import { createGatewayReplayGuard } from './auth/gatewayReplayGuard';
import { loadConfig } from './config';
import type { Domain } from './events/envelope';
import { createLogger } from './logger';
import { createInfrastructure } from './runtime';
import { onShutdown } from './shutdown';
import { subgraphConfigSchema, type SubgraphConfig } from './subgraphConfig';
import { startTracing } from './telemetry/tracing';
import type { ServesHttp, SubgraphDeps } from './subgraphModule';

interface Startable extends ServesHttp {
  start(port: number, host?: string): Promise<string>;
}

/** Entry point of one subgraph as its own process (docker-compose, Kubernetes). */
export async function runSubgraphProcess<C extends SubgraphConfig>(
  name: Domain,
  build: (deps: SubgraphDeps, config: C) => Promise<Startable> | Startable,
  schema = subgraphConfigSchema,
): Promise<void> {
  const config = loadConfig(schema) as C;
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
