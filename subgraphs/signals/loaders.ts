import DataLoader from 'dataloader';
import type { Viewer } from '../../platform/auth/viewer';
import { byKeys, groupByKeys } from '../../platform/loaders';
import type { Prisma, PrismaClient } from '../../platform/prisma';
import type { Candle, Instrument, Signal, SignalSource } from '../../platform/prisma/generated/client';
import { performanceBySource, type SourcePerformance } from './services/sources';

/** Per-author cap for `User.publishedSignals`; the resolver slices to the requested `last`. */
export const PUBLISHED_SIGNALS_CAP = 100;

/** Most recent `last` candles per instrument in one query, oldest first within each instrument. */
async function latestCandles(prisma: PrismaClient, ids: readonly string[], interval: string, last: number) {
  const rows = await prisma.$queryRaw<Candle[]>`
    SELECT instrument_id AS "instrumentId", "interval", open_time AS "openTime", open, high, low, close, volume,
           source::text AS source
      FROM (
        SELECT c.*, ROW_NUMBER() OVER (PARTITION BY c.instrument_id ORDER BY c.open_time DESC) AS rn
          FROM "signals"."candle" c
         WHERE c.instrument_id = ANY(${[...ids]}::uuid[]) AND c."interval" = ${interval}
      ) ranked
     WHERE rn <= ${last}
     ORDER BY instrument_id, open_time`;
  return groupByKeys(ids, rows, (row) => row.instrumentId);
}

async function latestDailyClose(prisma: PrismaClient, ids: readonly string[]) {
  const rows = await prisma.$queryRaw<{ instrumentId: string; close: Prisma.Decimal }[]>`
    SELECT DISTINCT ON (instrument_id) instrument_id AS "instrumentId", close
      FROM "signals"."candle"
     WHERE instrument_id = ANY(${[...ids]}::uuid[]) AND "interval" = '1d'
     ORDER BY instrument_id, open_time DESC`;
  return byKeys(ids, rows, (row) => row.instrumentId).map((row) => row?.close ?? null);
}

async function newestByAuthor(prisma: PrismaClient, authorIds: readonly string[]) {
  const rows = await prisma.$queryRaw<Signal[]>`
    SELECT id::text, sequence, instrument_id::text AS "instrumentId", side::text, strategy, price, confidence,
           author_id::text AS "authorId", created_at AS "createdAt", day_index AS "dayIndex",
           source_id::text AS "sourceId", target_price AS "targetPrice", stop_loss AS "stopLoss", rationale,
           expires_at AS "expiresAt", status::text, closed_at AS "closedAt", close_price AS "closePrice",
           realized_return AS "realizedReturn"
      FROM (
        SELECT s.*, ROW_NUMBER() OVER (PARTITION BY s.author_id ORDER BY s.sequence DESC) AS rn
          FROM "signals"."signal" s
         WHERE s.author_id = ANY(${[...authorIds]}::uuid[])
      ) ranked
     WHERE rn <= ${PUBLISHED_SIGNALS_CAP}
     ORDER BY author_id, sequence DESC`;
  return groupByKeys(authorIds, rows, (row) => row.authorId ?? '');
}

type MarketPriceWithSymbol = Prisma.MarketPriceGetPayload<{
  include: { instrument: { select: { symbol: true } } };
}>;

// Loaders see the viewer so per-viewer filtering (tier limits) can live here without a new signature.
export function createSignalsLoaders(prisma: PrismaClient, _viewer: Viewer | null) {
  const candleLoaders = new Map<string, DataLoader<string, Candle[]>>();
  return {
    instrumentById: new DataLoader<string, Instrument | null>(async (ids) =>
      byKeys(ids, await prisma.instrument.findMany({ where: { id: { in: [...ids] } } }), (row) => row.id),
    ),
    signalById: new DataLoader<string, Signal | null>(async (ids) =>
      byKeys(ids, await prisma.signal.findMany({ where: { id: { in: [...ids] } } }), (row) => row.id),
    ),
    lastPriceByInstrumentId: new DataLoader<string, Prisma.Decimal | null>((ids) =>
      latestDailyClose(prisma, ids),
    ),
    marketPriceByInstrumentId: new DataLoader<string, MarketPriceWithSymbol | null>(async (ids) =>
      byKeys(
        ids,
        await prisma.marketPrice.findMany({
          where: { instrumentId: { in: [...ids] } },
          include: { instrument: { select: { symbol: true } } },
        }),
        (row) => row.instrumentId,
      ),
    ),
    signalsByAuthorId: new DataLoader<string, Signal[]>((ids) => newestByAuthor(prisma, ids)),
    sourceById: new DataLoader<string, SignalSource | null>(async (ids) =>
      byKeys(ids, await prisma.signalSource.findMany({ where: { id: { in: [...ids] } } }), (row) => row.id),
    ),
    performanceBySourceId: new DataLoader<string, SourcePerformance>((ids) =>
      performanceBySource(prisma, ids),
    ),
    /** One loader per (interval, last), so every instrument in a response shares one query. */
    candles(interval: string, last: number): DataLoader<string, Candle[]> {
      const key = `${interval}|${last}`;
      let loader = candleLoaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => latestCandles(prisma, ids, interval, last));
        candleLoaders.set(key, loader);
      }
      return loader;
    },
  };
}

export type SignalsLoaders = ReturnType<typeof createSignalsLoaders>;
