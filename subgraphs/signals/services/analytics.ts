import { requireRole } from '../../../platform/auth/access';
import { BadUserInputError } from '../../../platform/errors';
import { Prisma } from '../../../platform/prisma';
import type { SignalsContext } from '../context';
import type { SignalSourceStat, SignalStrategyStat } from '../generated/resolvers-types';

const MAX_RANGE_DAYS = 366;

function assertReader(ctx: SignalsContext) {
  requireRole(ctx.viewer, 'ADMIN', 'ANALYST');
}

function assertRange(from: Date, to: Date) {
  if (!(from.getTime() < to.getTime())) throw new BadUserInputError('from must be before to', 'from');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000)
    throw new BadUserInputError(`the range must be at most ${MAX_RANGE_DAYS} days`, 'to');
}

const ranged = (from: Date, to: Date) => Prisma.sql`
  WITH ranged AS (
    SELECT s.*, (s.realized_return IS NOT NULL AND s.status IN ('TARGET_HIT', 'STOPPED_OUT', 'EXPIRED')) AS is_closed
      FROM "signals"."signal" s
     WHERE s.created_at >= ${from} AND s.created_at < ${to})`;

const outcomes = Prisma.sql`
  count(*)::int AS signals,
  (count(*) FILTER (WHERE is_closed))::int AS closed,
  (count(*) FILTER (WHERE is_closed AND status = 'TARGET_HIT'))::float8
    / NULLIF(count(*) FILTER (WHERE is_closed), 0) AS "hitRate",
  avg(realized_return) FILTER (WHERE is_closed) AS "averageReturn"`;

/**
 * Signals generated in [from, to), grouped in SQL (served by the created_at index). Closed means a BUY/SELL
 * signal that hit its target, its stop or its expiry with a realized return; cancelled ones do not count.
 */
export function createSignalAnalyticsService() {
  return {
    async analytics(ctx: SignalsContext, from: Date, to: Date) {
      assertReader(ctx);
      assertRange(from, to);
      const bySource = await ctx.prisma.$queryRaw<SignalSourceStat[]>`
        ${ranged(from, to)}
        SELECT src.id::text AS "sourceId", src.name AS "sourceName", ${outcomes}
          FROM ranged JOIN "signals"."signal_source" src ON src.id = ranged.source_id
         GROUP BY src.id, src.name
         ORDER BY src.name, src.id`;
      const byStrategy = await ctx.prisma.$queryRaw<SignalStrategyStat[]>`
        ${ranged(from, to)}
        SELECT strategy, ${outcomes}
          FROM ranged
         GROUP BY strategy
         ORDER BY strategy`;
      return { bySource, byStrategy };
    },
  };
}

export type SignalAnalyticsService = ReturnType<typeof createSignalAnalyticsService>;
