import { BadUserInputError } from '../../../platform/errors';
import { Prisma, type PrismaClient } from '../../../platform/prisma';
import { paperFxRates } from '../domain/paperFx';

export interface TradingVolumeDayRow {
  day: string;
  notional: string;
  orders: number;
  fills: number;
}

export interface PnlBucketRow {
  lowerBound: string;
  upperBound: string;
  users: number;
}

const PNL_BUCKETS = 10;
const MAX_RANGE_MS = 366 * 24 * 3600 * 1000;
const FILL_TYPES = Prisma.sql`('PARTIALLY_FILLED', 'FILLED')`;

/** The paper FX rates as a SQL table, so amounts in any quote currency sum in INR inside Postgres. */
function fxTable(): Prisma.Sql {
  const rows = Object.entries(paperFxRates).map(
    ([ccy, rate]) => Prisma.sql`(${ccy}, ${rate.toFixed()}::numeric)`,
  );
  return Prisma.sql`fx(ccy, rate) AS (VALUES ${Prisma.join(rows)})`;
}

/** "BTC-USDT" → USDT, "NSE:RELIANCE" → INR: the SQL twin of quoteCurrencyOf. */
const quoteOf = (column: Prisma.Sql) => Prisma.sql`coalesce(substring(${column} from '-([^-]+)$'), 'INR')`;

function checkedRange(from: Date, to: Date): void {
  if (!(from.getTime() < to.getTime())) throw new BadUserInputError('from must be before to', 'from');
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) {
    throw new BadUserInputError('The range is at most 366 days', 'to');
  }
}

/**
 * Admin dashboard figures over [from, to), aggregated in Postgres (indexes: trade_order.created_at,
 * trade_event (occurred_at, type)). Notional and PnL are in INR at the paper FX rates.
 */
export function createTradingAnalytics(prisma: PrismaClient) {
  async function volumeByDay(from: Date, to: Date): Promise<TradingVolumeDayRow[]> {
    return prisma.$queryRaw<TradingVolumeDayRow[]>`
      WITH ${fxTable()},
      fills AS (
        SELECT (e.occurred_at AT TIME ZONE 'UTC')::date AS day, count(*) AS fills,
               sum(e.quantity * e.price * coalesce(fx.rate, 1)) AS notional
          FROM trading.trade_event e
          LEFT JOIN fx ON fx.ccy = ${quoteOf(Prisma.sql`e.symbol`)}
         WHERE e.type IN ${FILL_TYPES} AND e.occurred_at >= ${from} AND e.occurred_at < ${to}
         GROUP BY 1),
      orders AS (
        SELECT (o.created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS orders
          FROM trading.trade_order o
         WHERE o.created_at >= ${from} AND o.created_at < ${to}
         GROUP BY 1)
      SELECT to_char(coalesce(f.day, o.day), 'YYYY-MM-DD') AS day,
             round(coalesce(f.notional, 0), 2)::text AS notional,
             coalesce(o.orders, 0)::int AS orders,
             coalesce(f.fills, 0)::int AS fills
        FROM fills f FULL OUTER JOIN orders o ON o.day = f.day
       ORDER BY 1`;
  }

  async function activeTraders(from: Date, to: Date): Promise<number> {
    const [row] = await prisma.$queryRaw<{ traders: number }[]>`
      SELECT count(DISTINCT user_id)::int AS traders
        FROM trading.trade_order
       WHERE created_at >= ${from} AND created_at < ${to}`;
    return row?.traders ?? 0;
  }

  /**
   * Realized PnL per user (fills in the range) as a histogram of PNL_BUCKETS equal-width buckets between
   * the lowest and highest figure; the top bucket includes its upper bound. One bucket when all are equal.
   */
  async function pnlDistribution(from: Date, to: Date): Promise<PnlBucketRow[]> {
    return prisma.$queryRaw<PnlBucketRow[]>`
      WITH ${fxTable()},
      per_user AS (
        SELECT e.portfolio_id, sum(coalesce(e.realized_pnl, 0) * coalesce(fx.rate, 1)) AS pnl
          FROM trading.trade_event e
          LEFT JOIN fx ON fx.ccy = ${quoteOf(Prisma.sql`e.symbol`)}
         WHERE e.type IN ${FILL_TYPES} AND e.occurred_at >= ${from} AND e.occurred_at < ${to}
         GROUP BY e.portfolio_id),
      bounds AS (
        SELECT min(pnl) AS lo, max(pnl) AS hi, count(*) AS n,
               CASE WHEN max(pnl) = min(pnl) THEN 1 ELSE ${PNL_BUCKETS}::int END AS buckets
          FROM per_user),
      bucketed AS (
        SELECT CASE WHEN b.buckets = 1 THEN 1
                    ELSE least(width_bucket(u.pnl, b.lo, b.hi, b.buckets), b.buckets) END AS bucket
          FROM per_user u CROSS JOIN bounds b)
      SELECT round(b.lo + (g.bucket - 1) * (b.hi - b.lo) / b.buckets, 2)::text AS "lowerBound",
             round(b.lo + g.bucket * (b.hi - b.lo) / b.buckets, 2)::text AS "upperBound",
             count(x.bucket)::int AS users
        FROM bounds b
        CROSS JOIN LATERAL generate_series(1, b.buckets) AS g(bucket)
        LEFT JOIN bucketed x ON x.bucket = g.bucket
       WHERE b.n > 0
       GROUP BY g.bucket, b.lo, b.hi, b.buckets
       ORDER BY g.bucket`;
  }

  return {
    async tradingAnalytics(from: Date, to: Date) {
      checkedRange(from, to);
      const [volume, traders, pnl] = await Promise.all([
        volumeByDay(from, to),
        activeTraders(from, to),
        pnlDistribution(from, to),
      ]);
      return { volumeByDay: volume, activeTraders: traders, pnlDistribution: pnl };
    },
  };
}

export type TradingAnalyticsService = ReturnType<typeof createTradingAnalytics>;
