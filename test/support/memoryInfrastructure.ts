import { createMemoryBus } from '../../platform/events/memoryBus';
import type { Logger } from '../../platform/logger';
import type { PrismaClient } from '../../platform/prisma';
import type { Infrastructure } from '../../platform/runtime';

/** A subgraph's infrastructure for subgraph-tier tests: the test's database and an in-process bus. */
export function memoryInfrastructure(prisma: PrismaClient, logger: Logger): Infrastructure {
  return {
    prisma,
    bus: createMemoryBus({ logger }),
    readiness: {},
    start: async () => {},
    stop: async () => {},
  };
}
