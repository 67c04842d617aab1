// Instruments, their candle history (createMany in chunks, skipping existing candles) and signals.
import type { PrismaClient } from '../../platform/prisma';
import { candleHistory, instruments, type InstrumentSymbol } from './data';
import { seedSignals, type DailySeries } from './seedSignals';

const CANDLE_CHUNK = 1_000;

export interface MarketResult {
  candles: number;
  candlesInserted: number;
  signalsInserted: number;
}

export async function seedMarket(prisma: PrismaClient, end: Date): Promise<MarketResult> {
  const result: MarketResult = { candles: 0, candlesInserted: 0, signalsInserted: 0 };
  const dailyBySymbol = new Map<InstrumentSymbol, DailySeries>();
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
    dailyBySymbol.set(symbol, { instrumentId: saved.id, tickSize, daily });
  }

  result.signalsInserted = await seedSignals(prisma, dailyBySymbol, end);
  return result;
}
