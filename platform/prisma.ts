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
  // Interactive transactions: Prisma's defaults (2 s to get a connection, 5 s to finish) turned a busy
  // moment into INTERNAL_SERVER_ERROR on register and ledger writes (seen on 2 loaded cores); a
  // transaction here is a few statements, so a longer bound only matters when the database is slow.
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 20_000 } });
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
