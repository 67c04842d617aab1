import type { PrismaClient } from '../../../platform/prisma';
import { MINUTE_MS, type MinuteCandle } from './minuteCandles';

export type PriceSource = 'BINANCE' | 'KITE' | 'SIMULATED';

/** Roll-ups kept in PostgreSQL from the 1m candles: Postgres interval text per stored interval. */
export const ROLLUPS: Record<string, { ms: number; pg: string }> = {
  '5m': { ms: 5 * MINUTE_MS, pg: '5 minutes' },
  '1h': { ms: 60 * MINUTE_MS, pg: '1 hour' },
  '1d': { ms: 1440 * MINUTE_MS, pg: '1 day' },
};

/**
 * Writes 1m candles, replacing any stored for the same minute: idempotent, so a backfill that fetches a
 * minute again, or a replica taking over, writes the same row.
 */
export async function upsertMinuteCandles(
  prisma: PrismaClient,
  instrumentId: string,
  candles: MinuteCandle[],
  source: PriceSource,
): Promise<void> {
  if (candles.length === 0) return;
  const rows = JSON.stringify(
    candles.map((c) => ({
      t: new Date(c.openTime).toISOString(),
      o: String(c.open),
      h: String(c.high),
      l: String(c.low),
      c: String(c.close),
      v: String(c.volume),
    })),
  );
  await prisma.$executeRaw`
    INSERT INTO "signals"."candle" (instrument_id, interval, open_time, open, high, low, close, volume, source)
    SELECT ${instrumentId}::uuid, '1m', (r->>'t')::timestamptz, (r->>'o')::numeric, (r->>'h')::numeric,
           (r->>'l')::numeric, (r->>'c')::numeric, (r->>'v')::numeric, ${source}::"signals"."PriceSource"
      FROM jsonb_array_elements(${rows}::jsonb) r
    ON CONFLICT (instrument_id, interval, open_time) DO UPDATE
       SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
           volume = EXCLUDED.volume, source = EXCLUDED.source`;
}

/**
 * Recomputes the 5m, 1h and 1d candles covering [fromMs, toMs) from the stored 1m candles, in SQL
 * (date_bin buckets from the Unix epoch, UTC). Recomputing a whole bucket makes it idempotent.
 */
export async function rollUp(prisma: PrismaClient, instrumentId: string, fromMs: number, toMs: number) {
  for (const [interval, { ms, pg }] of Object.entries(ROLLUPS)) {
    const from = new Date(Math.floor(fromMs / ms) * ms);
    const to = new Date(Math.ceil(toMs / ms) * ms);
    await prisma.$executeRaw`
      INSERT INTO "signals"."candle" (instrument_id, interval, open_time, open, high, low, close, volume, source)
      SELECT instrument_id, ${interval}, bucket,
             (array_agg(open ORDER BY open_time))[1], max(high), min(low),
             (array_agg(close ORDER BY open_time DESC))[1], sum(volume),
             (array_agg(source ORDER BY open_time DESC))[1]
        FROM (SELECT *, date_bin(${pg}::interval, open_time, TIMESTAMPTZ 'epoch') AS bucket
                FROM "signals"."candle"
               WHERE instrument_id = ${instrumentId}::uuid AND interval = '1m'
                 AND open_time >= ${from} AND open_time < ${to}) m
       GROUP BY instrument_id, bucket
      ON CONFLICT (instrument_id, interval, open_time) DO UPDATE
         SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
             volume = EXCLUDED.volume, source = EXCLUDED.source`;
  }
}

/** The open time of the newest stored 1m candle, or null. */
export async function latestMinute(prisma: PrismaClient, instrumentId: string): Promise<number | null> {
  const row = await prisma.candle.findFirst({
    where: { instrumentId, interval: '1m' },
    orderBy: { openTime: 'desc' },
    select: { openTime: true },
  });
  return row ? row.openTime.getTime() : null;
}
