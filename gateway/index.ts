import { loadProcessConfig } from '../platform/config';
import { createLogger } from '../platform/logger';
import { onShutdown } from '../platform/shutdown';
import { startTracing } from '../platform/telemetry/tracing';
import { gatewayConfig } from './config';
import { createGatewayServer } from './server';

// The gateway as its own process (docker-compose, Kubernetes); `npm start` runs it in-process instead.
async function main(): Promise<void> {
  const config = loadProcessConfig(gatewayConfig);
  const logger = createLogger({ name: 'gateway', level: config.LOG_LEVEL });
  const tracing = startTracing({
    serviceName: config.OTEL_SERVICE_NAME ?? 'gateway',
    endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  const gateway = createGatewayServer(config, logger);
  await gateway.start();
  onShutdown(logger, async () => {
    await gateway.stop();
    await tracing.stop();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
