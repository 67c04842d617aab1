// Instruments (reference data, every environment) and the development-only market history: simulated
// candles (createMany in chunks, skipping existing candles) and the demo signals played out on them.
import type { PrismaClient } from '../../platform/prisma';
import { candleHistory, instruments, type CandleSeed, type InstrumentSymbol } from './data';
import { seedDemoSignals, type DailySeries } from './seedSignals';

const CANDLE_CHUNK = 1_000;
const DAY_MS = 86_400_000;

export interface MarketResult {
  candles: number;
  candlesInserted: number;
  signals: number;
  signalsInserted: number;
}

/** Upserts every instrument; returns each symbol's row id. */
export async function seedInstruments(prisma: PrismaClient): Promise<Map<InstrumentSymbol, string>> {
  const ids = new Map<InstrumentSymbol, string>();
  for (const { id, symbol, name, assetClass, exchange, baseAsset, quoteCurrency, tickSize } of instruments) {
    const fields = { name, assetClass, exchange, baseAsset, quoteCurrency, tickSize };
    const saved = await prisma.instrument.upsert({
      where: { symbol },
      create: { id, symbol, ...fields },
      update: fields,
    });
    ids.set(symbol, saved.id);
  }
  return ids;
}

/** Development only: simulated daily and hourly candles up to `end`, and demo signals on them. */
export async function seedDemoMarket(
  prisma: PrismaClient,
  instrumentIds: Map<InstrumentSymbol, string>,
  end: Date,
): Promise<MarketResult> {
  const result: MarketResult = { candles: 0, candlesInserted: 0, signals: 0, signalsInserted: 0 };
  const dailyBySymbol = new Map<InstrumentSymbol, DailySeries>();
  for (const spec of instruments) {
    const instrumentId = instrumentIds.get(spec.symbol);
    if (!instrumentId) throw new Error(`instrument ${spec.symbol} was not seeded`);
    const { daily, hourly } = candleHistory(spec, end);
    const rows = [...daily, ...hourly].map((c: CandleSeed) => ({ instrumentId, ...c }));
    for (let i = 0; i < rows.length; i += CANDLE_CHUNK) {
      const { count } = await prisma.candle.createMany({
        data: rows.slice(i, i + CANDLE_CHUNK),
        skipDuplicates: true,
      });
      result.candlesInserted += count;
    }
    result.candles += rows.length;
    // Trading's copy of the daily closes (it never reads signals' candles): portfolioRisk on holdings.
    await prisma.tradingDailyClose.createMany({
      data: daily.map((c) => ({
        symbol: spec.symbol,
        day: c.openTime,
        close: c.close,
        at: new Date(c.openTime.getTime() + DAY_MS - 1),
      })),
      skipDuplicates: true,
    });
    dailyBySymbol.set(spec.symbol, { instrumentId, tickSize: spec.tickSize, daily });
  }
  const signals = await seedDemoSignals(prisma, dailyBySymbol, end);
  return { ...result, signals: signals.total, signalsInserted: signals.inserted };
}
