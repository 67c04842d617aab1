import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { z } from 'zod';
import { baseConfigSchema, loadConfig } from '../platform/config';
import { configuredEmailSender } from '../platform/email/configured';
import { emailSettingsSchema } from '../platform/email/emailSettings';
import { createLogger } from '../platform/logger';
import { createPrismaClient } from '../platform/prisma';
import { onShutdown } from '../platform/shutdown';
import { startTracing } from '../platform/telemetry/tracing';
import { repoRoot } from '../platform/topology';
import { ensureAdminBuild } from '../clients/admin/build';
import { formatSeedSummary, seed } from '../prisma/seed';
import { RAZORPAY_EMULATOR_KEY_ID } from '../emulators/razorpay/embedded';
import { gatewayConfigSchema } from './config';
import { startEmbeddedPostgres } from './embeddedPostgres';
import { limitVariablesFrom } from './limits/limitsConfig';
import { startStack } from './stack';

// `npm start`: the whole API in one process. Nothing configured → embedded PostgreSQL and in-process
// stand-ins for Kafka; DATABASE_URL / KAFKA_BROKERS / REDIS_URL switch to the real services.
const config = loadConfig(
  z
    .object({
      NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
      LOG_LEVEL: z.string().default('info'),
      DATABASE_URL: z.url().optional(),
      KAFKA_BROKERS: z.string().optional(),
      REDIS_URL: z.url().optional(),
      PORT: z.coerce.number().int().min(0).max(65535).default(4000),
      HOST: z.string().default('127.0.0.1'),
      GATEWAY_SECRET: z.string().min(32).optional(),
    })
    .extend(emailSettingsSchema.shape)
    .extend(baseConfigSchema.pick({ OTEL_EXPORTER_OTLP_ENDPOINT: true, OTEL_SERVICE_NAME: true }).shape)
    .extend(gatewayConfigSchema.pick({ METRICS_PORT: true }).shape),
);

async function main(): Promise<void> {
  const logger = createLogger({ name: 'tradeschool', level: config.LOG_LEVEL });
  const tracing = startTracing({
    serviceName: config.OTEL_SERVICE_NAME ?? 'tradeschool',
    endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  const embedded = config.DATABASE_URL ? undefined : await startEmbeddedPostgres(logger);
  const databaseUrl = config.DATABASE_URL ?? embedded!.url;

  execFileSync('bash', ['prisma/prisma.sh', 'migrate', 'deploy'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'pipe',
  });
  const prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
  // Every start, not only the first: the seed is idempotent, and a database created by an older
  // version gets the reference data (plans, prices, catalog) that new migrations expect.
  const summary = await seed(prisma, { demoAccounts: config.NODE_ENV !== 'production' });
  logger.info(`seeded: ${formatSeedSummary(summary)}`);
  await prisma.$disconnect();

  // The admin dashboard at /admin/: built with Vite (about 2 s) when dist/ is missing or older than its sources.
  if (ensureAdminBuild()) logger.info('built the admin dashboard (clients/admin/dist)');

  const stack = await startStack({
    databaseUrl,
    kafkaBrokers: config.KAFKA_BROKERS,
    redisUrl: config.REDIS_URL,
    // One process signs and verifies: a fresh secret per run is enough.
    gatewaySecret: config.GATEWAY_SECRET ?? randomBytes(32).toString('hex'),
    logger,
    gatewayPort: config.PORT,
    subgraphPorts: 'defaults',
    host: config.HOST,
    // The issue's rate limits (per process without REDIS_URL), overridable like gateway/index.ts.
    gatewayLimits: { RATE_LIMITS: 'on', ...limitVariablesFrom(process.env) },
    marketFeed: true,
    metricsPort: config.METRICS_PORT,
    // Unset without POSTMARK_SERVER_TOKEN: the stack starts our Postmark stand-in.
    email: configuredEmailSender(config),
  });
  process.stdout.write(
    `\n  TradeSchool API ready\n  GraphQL:     ${stack.gatewayUrl}\n  IDE:         ${stack.gatewayUrl.replace(/graphql$/, '')}\n` +
      `  Admin:       ${stack.gatewayUrl.replace(/graphql$/, 'admin/')}\n` +
      `  Database:    ${embedded ? 'embedded PostgreSQL (.cache/embedded-postgres)' : 'DATABASE_URL'}\n` +
      `  Metrics:     ${stack.gateway.metricsUrl} (and /metrics on every subgraph port)\n` +
      `  Event bus:   ${stack.infra.bus.kind === 'kafka' ? `Kafka ${config.KAFKA_BROKERS}` : 'in-process'}\n` +
      (stack.razorpayCheckout
        ? `  Payments:    Razorpay emulator (test mode) ${stack.razorpayCheckout.baseUrl}, key id ${RAZORPAY_EMULATOR_KEY_ID}\n` +
          `               pay an order at ${stack.razorpayCheckout.baseUrl}/v1/checkout/embedded?key_id=${RAZORPAY_EMULATOR_KEY_ID}&order_id=<razorpayOrderId>\n`
        : '') +
      `  Emails:      ${stack.postmark ? `${stack.postmark.messagesUrl}?to=<address> (Postmark stand-in, nothing leaves the machine)` : 'Postmark'}\n\n`,
  );
  onShutdown(logger, async () => {
    await stack.stop();
    await embedded?.stop();
    await tracing.stop();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
