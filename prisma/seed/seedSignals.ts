// Signal sources and the demo signals with their lifecycle. Signals have no natural key: the fixed ids
// that are missing are inserted oldest first (so sequence order matches createdAt and re-runs consume no
// sequence values); seeded rows from before lifecycles (no source) get their lifecycle fields filled in.
import type { PrismaClient } from '../../platform/prisma';
import type { CandleSeed, InstrumentSymbol } from './data';
import {
  analystSignals,
  demoAnalystSource,
  lifecycleOf,
  sourceKeyOf,
  strategySignals,
  strategySources,
  type SignalSeed,
  type SourceSeed,
} from './signalHistory';

export interface DailySeries {
  instrumentId: string;
  tickSize: string;
  daily: CandleSeed[];
}

async function upsertSources(
  prisma: PrismaClient,
  sources: readonly SourceSeed[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const source of sources) {
    const row = await prisma.signalSource.upsert({
      where: { kind_key: { kind: source.kind, key: source.key } },
      create: source,
      update: { name: source.name, isDemo: source.isDemo },
    });
    // Trading's copy (it never reads signals' tables), so the source can be followed before its first
    // signal; SignalPublished events keep it current afterwards.
    const copy = { kind: source.kind, key: source.key };
    await prisma.tradingSignalSource.upsert({
      where: { id: row.id },
      create: { id: row.id, ...copy },
      update: copy,
    });
    ids.set(source.key, row.id);
  }
  return ids;
}

/** Reference data: a source for every strategy in code, so it can be followed before its first signal. */
export async function seedStrategySources(prisma: PrismaClient): Promise<number> {
  return (await upsertSources(prisma, strategySources)).size;
}

/** The demo signals of every daily series: the strategies' own decisions and the demo analyst's picks. */
export function demoSignalsOf(dailyBySymbol: ReadonlyMap<InstrumentSymbol, DailySeries>): SignalSeed[] {
  const daily = new Map([...dailyBySymbol].map(([symbol, series]) => [symbol, series.daily]));
  return [...strategySignals(daily), ...analystSignals];
}

export async function seedDemoSignals(
  prisma: PrismaClient,
  dailyBySymbol: Map<InstrumentSymbol, DailySeries>,
  end: Date,
): Promise<{ total: number; inserted: number }> {
  const sourceIds = await upsertSources(prisma, [...strategySources, demoAnalystSource]);
  const seeds = demoSignalsOf(dailyBySymbol);
  const rows = seeds.flatMap((seed) => {
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
        isDemo: true,
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
  const inserted = ranked.length === 0 ? 0 : (await prisma.signal.createMany({ data: ranked })).count;
  return { total: rows.length, inserted };
}
