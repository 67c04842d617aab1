// Instruments, their candle history (createMany in chunks, skipping existing candles) and signals.
import type { PrismaClient } from '../../platform/prisma';
import { candleHistory, instruments, signals, type CandleSeed, type InstrumentSymbol } from './data';

const CANDLE_CHUNK = 1_000;
const DAY_MS = 86_400_000;

export interface MarketResult {
  candles: number;
  candlesInserted: number;
  signalsInserted: number;
}

export async function seedMarket(prisma: PrismaClient, end: Date): Promise<MarketResult> {
  const result: MarketResult = { candles: 0, candlesInserted: 0, signalsInserted: 0 };
  const dailyBySymbol = new Map<InstrumentSymbol, { instrumentId: string; daily: CandleSeed[] }>();
  for (const spec of instruments) {
    const { id, symbol, name, assetClass, exchange, baseAsset, quoteCurrency, tickSize } = spec;
    const fields = { name, assetClass, exchange, baseAsset, quoteCurrency, tickSize };
    const saved = await prisma.instrument.upsert({
      where: { symbol },
      create: { id, symbol, ...fields },
      update: fields,
    });
    const { daily, hourly } = candleHistory(spec, end);
    const rows = [...daily, ...hourly].map((c) => ({ instrumentId: saved.id, ...c }));
    for (let i = 0; i < rows.length; i += CANDLE_CHUNK) {
      const { count } = await prisma.candle.createMany({
        data: rows.slice(i, i + CANDLE_CHUNK),
        skipDuplicates: true,
      });
      result.candlesInserted += count;
    }
    result.candles += rows.length;
    dailyBySymbol.set(symbol, { instrumentId: saved.id, daily });
  }

  // Signals have no natural key: insert the fixed ids that are missing, oldest first, so the sequence
  // order matches createdAt and re-runs consume no sequence values.
  const existing = await prisma.signal.findMany({
    where: { id: { in: signals.map((s) => s.id) } },
    select: { id: true },
  });
  const have = new Set(existing.map((s) => s.id));
  const missing = signals
    .filter((s) => !have.has(s.id))
    .flatMap(({ id, symbol, side, strategy, daysAgo, confidence }) => {
      const series = dailyBySymbol.get(symbol);
      const candle = series?.daily[series.daily.length - daysAgo];
      if (!series || !candle) return [];
      const createdAt = new Date(candle.openTime.getTime() + DAY_MS - 60_000);
      return [
        { id, instrumentId: series.instrumentId, side, strategy, price: candle.close, confidence, createdAt },
      ];
    })
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (missing.length > 0) result.signalsInserted = (await prisma.signal.createMany({ data: missing })).count;
  return result;
}
