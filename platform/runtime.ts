import type { BaseConfig } from './config';
import type { EventBus } from './events/envelope';
import { createKafkaBus } from './events/kafkaBus';
import { createMemoryBus } from './events/memoryBus';
import type { ReadinessCheck } from './health';
import type { Logger } from './logger';
import { createPrismaClient, type PrismaClient } from './prisma';

/** The long-lived clients one process holds, with one lifecycle. */
export interface Infrastructure {
  prisma: PrismaClient;
  bus: EventBus;
  readiness: Record<string, ReadinessCheck>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createInfrastructure(
  config: Pick<BaseConfig, 'DATABASE_URL' | 'KAFKA_BROKERS' | 'KAFKA_CLIENT_ID'> &
    Partial<Pick<BaseConfig, 'KAFKA_NAMESPACE' | 'DATABASE_POOL_SIZE' | 'KAFKA_SESSION_TIMEOUT_MS'>>,
  logger: Logger,
  shared: { bus?: EventBus; prisma?: PrismaClient } = {},
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
  return {
    prisma,
    bus,
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
      // Shared clients belong to whoever created them.
      if (!shared.bus) await bus.stop();
      if (!shared.prisma) await prisma.$disconnect();
    },
  };
}
