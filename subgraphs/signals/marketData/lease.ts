import type { PrismaClient } from '../../../platform/prisma';

/**
 * A lease row in signals.market_data_lease: the holder renews it before it expires; another replica takes
 * it only once it has expired. A plain row rather than a session advisory lock, because Prisma's pool gives
 * no connection that lives as long as the leadership.
 */
export function createLease(prisma: PrismaClient, name: string, holder: string, ttlMs: number) {
  return {
    /** Acquires or renews; false while another holder's lease is still valid. */
    async acquire(): Promise<boolean> {
      const rows = await prisma.$queryRaw<{ holder: string }[]>`
        INSERT INTO "signals"."market_data_lease" (name, holder, expires_at)
        VALUES (${name}, ${holder}, now() + ${ttlMs} * interval '1 millisecond')
        ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
         WHERE "signals"."market_data_lease".holder = EXCLUDED.holder
            OR "signals"."market_data_lease".expires_at < now()
        RETURNING holder`;
      return rows.length === 1;
    },
    async release(): Promise<void> {
      await prisma.$executeRaw`DELETE FROM "signals"."market_data_lease" WHERE name = ${name} AND holder = ${holder}`;
    },
  };
}
