import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../platform/prisma';

type Query = (...args: unknown[]) => unknown;

/**
 * A Prisma client whose every SQL statement is counted where it leaves for Postgres: in each pooled
 * pg connection's `query`, below Prisma and its driver adapter, so nothing (includes, raw SQL,
 * BEGIN/COMMIT) escapes the count.
 */
export function createCountingPrisma(databaseUrl: string) {
  const statements: string[] = [];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  // The pool emits 'connect' for each new connection before handing it out for its first query.
  pool.on('connect', (client) => {
    const connection = client as unknown as { query: Query };
    const original = connection.query.bind(client) as Query;
    connection.query = (...args: unknown[]) => {
      const [config] = args;
      statements.push(typeof config === 'string' ? config : ((config as { text?: string }).text ?? ''));
      return original(...args);
    };
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return {
    prisma,
    statements,
    reset() {
      statements.length = 0;
    },
  };
}
