import type { BaseConfig } from './config';
import type { EventBus } from './events/envelope';
import { createKafkaBus } from './events/kafkaBus';
import { createMemoryBus } from './events/memoryBus';
import type { ReadinessCheck } from './health';
import type { Logger } from './logger';
import { createPrismaClient, poolStatsOf, type PrismaClient } from './prisma';
import { createMetrics, type Metrics } from './telemetry/metrics';

/** The long-lived clients one process holds, with one lifecycle. */
export interface Infrastructure {
  prisma: PrismaClient;
  bus: EventBus;
  readiness: Record<string, ReadinessCheck>;
  /** This process's (or stack's) Prometheus registry: every component served here counts into it. */
  metrics?: Metrics;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createInfrastructure(
  config: Pick<BaseConfig, 'DATABASE_URL' | 'KAFKA_BROKERS' | 'KAFKA_CLIENT_ID'> &
    Partial<Pick<BaseConfig, 'KAFKA_NAMESPACE' | 'DATABASE_POOL_SIZE' | 'KAFKA_SESSION_TIMEOUT_MS'>>,
  logger: Logger,
  shared: { bus?: EventBus; prisma?: PrismaClient; metrics?: Metrics } = {},
): Infrastructure {
  const prisma =
    shared.prisma ??
    createPrismaClient({ databaseUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
  const bus =
    shared.bus ??
    (config.KAFKA_BROKERS
      ? createKafkaBus({
          brokers: config.KAFKA_BROKERS.split(','),
          clientId: config.KAFKA_CLIENT_ID,
          namespace: config.KAFKA_NAMESPACE,
          sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
          logger,
        })
      : createMemoryBus({ logger }));
  const metrics = shared.metrics ?? createMetrics();
  const stopObserving = [
    metrics.observePool('prisma', () => poolStatsOf(prisma) ?? { total: 0, idle: 0, waiting: 0, max: 0 }),
    ...(bus.consumerLag ? [metrics.observeConsumerLag(() => bus.consumerLag!())] : []),
  ];
  return {
    prisma,
    bus,
    metrics,
    readiness: {
      postgres: async () => {
        await prisma.$queryRawUnsafe('SELECT 1');
        return true;
      },
      [bus.kind === 'kafka' ? 'kafka' : 'eventBus']: () => bus.ready(),
    },
    async start() {
      await prisma.$connect();
      await bus.start();
    },
    async stop() {
      for (const stopOne of stopObserving) stopOne();
      // Shared clients belong to whoever created them.
      if (!shared.bus) await bus.stop();
      if (!shared.prisma) await prisma.$disconnect();
    },
  };
}
