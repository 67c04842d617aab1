import { byKeys, isUuid } from '../../../platform/loaders';
import type { PrismaClient } from '../../../platform/prisma';
import type { SignalSource } from '../../../platform/prisma/generated/client';
import type { SignalsContext } from '../context';

export interface SourcePerformance {
  closedSignals: number;
  hitRate: number | null;
  averageReturn: number | null;
  sharpe: number | null;
  maxDrawdown: number | null;
}

const NO_CLOSED: SourcePerformance = {
  closedSignals: 0,
  hitRate: null,
  averageReturn: null,
  sharpe: null,
  maxDrawdown: null,
};

/**
 * Performance of each source over its closed BUY/SELL signals (those with a realized return), in
 * closing order, in one query: the equity curve compounds the returns (a window sum of logs), the
 * drawdown is measured against its running peak (starting from 1.0).
 */
export async function performanceBySource(
  prisma: PrismaClient,
  sourceIds: readonly string[],
): Promise<SourcePerformance[]> {
  const rows = await prisma.$queryRaw<(SourcePerformance & { sourceId: string })[]>`
    WITH closed AS (
      SELECT source_id, status, realized_return AS r, closed_at, sequence,
             exp(sum(ln(greatest(1 + realized_return, 1e-9)))
                 OVER (PARTITION BY source_id ORDER BY closed_at, sequence)) AS equity
        FROM "signals"."signal"
       WHERE source_id = ANY(${[...sourceIds]}::uuid[]) AND realized_return IS NOT NULL
         AND status IN ('TARGET_HIT', 'STOPPED_OUT', 'EXPIRED')
    ), peaked AS (
      SELECT *, greatest(1, max(equity) OVER (PARTITION BY source_id ORDER BY closed_at, sequence)) AS peak
        FROM closed
    )
    SELECT source_id::text AS "sourceId",
           count(*)::int AS "closedSignals",
           (count(*) FILTER (WHERE status = 'TARGET_HIT'))::float8 / count(*) AS "hitRate",
           avg(r) AS "averageReturn",
           avg(r) / NULLIF(stddev_samp(r), 0) AS sharpe,
           max(1 - equity / peak) AS "maxDrawdown"
      FROM peaked
     GROUP BY source_id`;
  return byKeys(sourceIds, rows, (row) => row.sourceId).map((row) => {
    if (!row) return NO_CLOSED;
    const { sourceId: _sourceId, ...performance } = row;
    return performance;
  });
}

export function createSourceService() {
  return {
    list(ctx: SignalsContext): Promise<SignalSource[]> {
      return ctx.prisma.signalSource.findMany({ orderBy: [{ kind: 'asc' }, { name: 'asc' }] });
    },

    async find(ctx: SignalsContext, id: string): Promise<SignalSource | null> {
      return isUuid(id) ? ctx.loaders.sourceById.load(id) : null;
    },

    performance(ctx: SignalsContext, source: SignalSource): Promise<SourcePerformance> {
      return ctx.loaders.performanceBySourceId.load(source.id);
    },
  };
}

export type SourceService = ReturnType<typeof createSourceService>;
