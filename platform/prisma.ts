import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from './prisma/generated/client';

export { Prisma, PrismaClient };
export type TransactionClient = Prisma.TransactionClient;

export interface PrismaOptions {
  databaseUrl: string;
  /** Connections per process; every subgraph holds its own pool. */
  poolSize?: number;
}

/** One client per process: it owns a pg pool through the driver adapter (no native query engine). */
export function createPrismaClient({ databaseUrl, poolSize = 10 }: PrismaOptions): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  return new PrismaClient({ adapter });
}
