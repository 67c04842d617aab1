import type { PrismaClient } from '../../../platform/prisma';
import type { Tick } from '../exchange/marketTicks';

/** Keeps the day's close at the latest tick of its UTC day; an older (redelivered) tick changes nothing. */
export async function recordDailyClose(prisma: PrismaClient, tick: Tick): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "trading"."daily_close" (symbol, day, close, at)
    VALUES (${tick.symbol}, (${tick.at}::timestamptz AT TIME ZONE 'UTC')::date, ${tick.price}::decimal, ${tick.at})
    ON CONFLICT (symbol, day) DO UPDATE SET close = EXCLUDED.close, at = EXCLUDED.at
     WHERE "trading"."daily_close".at <= EXCLUDED.at`;
}

/**
 * The last `days` closes every symbol has in common, oldest first: one row of prices per day, a column
 * per symbol in the order asked. Days on which any symbol lacks a close are left out.
 */
export async function commonDailyCloses(
  prisma: PrismaClient,
  symbols: readonly string[],
  days: number,
): Promise<number[][]> {
  const rows = await prisma.tradingDailyClose.findMany({
    where: { symbol: { in: [...symbols] } },
    orderBy: { day: 'desc' },
    take: symbols.length * days * 2,
  });
  const byDay = new Map<number, Map<string, number>>();
  for (const row of rows) {
    const day = byDay.get(row.day.getTime()) ?? new Map<string, number>();
    day.set(row.symbol, row.close.toNumber());
    byDay.set(row.day.getTime(), day);
  }
  return [...byDay.entries()]
    .filter(([, closes]) => symbols.every((s) => closes.has(s)))
    .sort(([a], [b]) => a - b)
    .slice(-days)
    .map(([, closes]) => symbols.map((s) => closes.get(s)!));
}
