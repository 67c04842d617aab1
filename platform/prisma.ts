import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { Prisma, PrismaClient } from './prisma/generated/client';
import type { PoolStats } from './telemetry/metrics';

export { Prisma, PrismaClient };
export type TransactionClient = Prisma.TransactionClient;

export interface PrismaOptions {
  databaseUrl: string;
  /** Connections per process; every subgraph holds its own pool. */
  poolSize?: number;
}

/** The pg pool under each client this module made, for the pool-usage gauges. */
const pools = new WeakMap<PrismaClient, { pool: Pool; max: number }>();

/**
 * One client per process: it owns a pg pool through the driver adapter (no native query engine). The
 * pool is made here rather than by the adapter so its counts can be read; the adapter still ends it
 * when the client disconnects (`disposeExternalPool`).
 */
export function createPrismaClient({ databaseUrl, poolSize = 10 }: PrismaOptions): PrismaClient {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  pools.set(client, { pool, max: poolSize });
  return client;
}

/** Open, idle and waiting connections of a client made by createPrismaClient (undefined otherwise). */
export function poolStatsOf(client: PrismaClient): PoolStats | undefined {
  const entry = pools.get(client);
  if (!entry) return undefined;
  const { pool, max } = entry;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max };
}
