import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { testLogger } from '../../../test/support/env';
import { createStrategyRunner, evidenceConfidence } from './strategyRunner';

const T0 = Date.UTC(2026, 11, 3, 10, 0);
const MINUTE = 60_000;

describe('strategy runner', () => {
  let db: TestDatabase;
  let instrumentId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const instrument = await db.prisma.instrument.create({
      data: {
        symbol: 'RUN-USDT',
        name: 'Runner test',
        assetClass: 'CRYPTO',
        exchange: 'BINANCE',
        baseAsset: 'RUN',
        quoteCurrency: 'USDT',
        tickSize: '0.01',
      },
    });
    instrumentId = instrument.id;
    // Forty falling minutes (RSI(14) near 0), then a sharp rise: RSI crosses up through 30 on the last one.
    const closes = [...Array.from({ length: 40 }, (_, i) => 200 - i), 175];
    await db.prisma.candle.createMany({
      data: closes.map((close, i) => ({
        instrumentId,
        interval: '1m',
        openTime: new Date(T0 + i * MINUTE),
        open: String(i === 0 ? close : closes[i - 1]),
        high: String(Math.max(close, closes[i - 1] ?? close) + 0.5),
        low: String(Math.min(close, closes[i - 1] ?? close) - 0.5),
        close: String(close),
        volume: '1',
        source: 'SIMULATED',
      })),
    });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('publishes once per strategy per candle when two replicas run it at the same time', async () => {
    const replicas = [0, 1].map(() =>
      createStrategyRunner({ prisma: db.prisma, logger: testLogger, interval: '1m' }),
    );
    const through = T0 + 41 * MINUTE;
    const results = await Promise.all(replicas.map((runner) => runner.run(instrumentId, through)));
    const signalled = results.flat();
    expect(signalled).toContain('rsi-mean-reversion');
    expect(new Set(signalled).size).toBe(signalled.length);
    // Run again (a redelivery, a takeover): nothing new.
    expect(await replicas[0]!.run(instrumentId, through)).toEqual([]);
    const signals = await db.prisma.signal.findMany({ where: { instrumentId } });
    expect(signals.map((s) => s.strategy).sort()).toEqual([...signalled].sort());
    const rsi = signals.find((s) => s.strategy === 'rsi-mean-reversion')!;
    expect(rsi).toMatchObject({ side: 'BUY', status: 'ACTIVE' });
    expect(rsi.price.toString()).toBe('175');
    expect(rsi.candleKey).toBe(
      `rsi-mean-reversion:${instrumentId}:1m:${new Date(T0 + 40 * MINUTE).toISOString()}`,
    );
    // With no backtested trade on these candles, the evidence says 0.5, not a constant.
    expect(rsi.confidence.toNumber()).toBeCloseTo(0.5, 4);
    // The outbox carries it to signals.published like any signal.
    expect(
      await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "signals"."outbox_event"`,
    ).toEqual([{ n: BigInt(signals.length) }]);
  });

  it('computes confidence from the strategy record with the rule of succession', () => {
    expect(evidenceConfidence(0, null)).toBe(0.5);
    expect(evidenceConfidence(8, 0.75)).toBe(0.7);
    expect(evidenceConfidence(2, 1)).toBe(0.75);
  });
});
