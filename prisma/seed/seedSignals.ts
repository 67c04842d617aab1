// Signal sources and signals with their lifecycle. Signals have no natural key: the fixed ids that are
// missing are inserted oldest first (so sequence order matches createdAt and re-runs consume no sequence
// values); seeded rows from before lifecycles (no source) get their lifecycle fields filled in.
import type { PrismaClient } from '../../platform/prisma';
import type { CandleSeed, InstrumentSymbol } from './data';
import { allSeedSignals, lifecycleOf, signalSources, sourceKeyOf } from './signalHistory';

export interface DailySeries {
  instrumentId: string;
  tickSize: string;
  daily: CandleSeed[];
}

export async function seedSignals(
  prisma: PrismaClient,
  dailyBySymbol: Map<InstrumentSymbol, DailySeries>,
  end: Date,
): Promise<number> {
  const sourceIds = new Map<string, string>();
  for (const source of signalSources) {
    const row = await prisma.signalSource.upsert({
      where: { kind_key: { kind: source.kind, key: source.key } },
      create: source,
      update: { name: source.name },
    });
    sourceIds.set(source.key, row.id);
  }
  const rows = allSeedSignals.flatMap((seed) => {
    const series = dailyBySymbol.get(seed.symbol);
    const lifecycle = series && lifecycleOf(seed, series.daily, series.tickSize, end);
    if (!series || !lifecycle) return [];
    const sourceKey = sourceKeyOf(seed.strategy);
    return [
      {
        id: seed.id,
        instrumentId: series.instrumentId,
        side: seed.side,
        strategy: seed.strategy,
        confidence: seed.confidence,
        sourceId: sourceIds.get(sourceKey) ?? null,
        authorId: sourceKey === seed.strategy ? null : sourceKey,
        ...lifecycle,
      },
    ];
  });
  const existing = await prisma.signal.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    select: { id: true, sourceId: true },
  });
  const have = new Map(existing.map((row) => [row.id, row.sourceId]));
  for (const row of rows.filter((r) => have.has(r.id) && have.get(r.id) === null)) {
    const { id, instrumentId: _instrumentId, createdAt: _createdAt, price: _price, ...lifecycle } = row;
    await prisma.signal.update({ where: { id }, data: lifecycle });
  }
  const missing = rows
    .filter((row) => !have.has(row.id))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  // Rank within each UTC day, as publication does, so FREE's daily cap applies to history too.
  const perDay = new Map<string, number>();
  const ranked = missing.map((row) => {
    const day = row.createdAt.toISOString().slice(0, 10);
    const dayIndex = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, dayIndex);
    return { ...row, dayIndex };
  });
  if (ranked.length === 0) return 0;
  return (await prisma.signal.createMany({ data: ranked })).count;
}
