import fc from 'fast-check';
import { runBacktest, type TimedBar } from './backtest';
import { decisions, strategies, type StrategyKind } from './definitions';

const DAY = 86_400_000;
const kinds = Object.keys(strategies) as StrategyKind[];
const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * DAY);
const bar = (i: number, close: number, open = close): TimedBar => ({
  time: at(i),
  open,
  high: Math.max(open, close),
  low: Math.min(open, close),
  close,
});
const walk = fc
  .array(fc.double({ min: -0.08, max: 0.08, noNaN: true }), { minLength: 2, maxLength: 150 })
  .map((steps) => {
    let price = 100;
    return steps.map((step, i) => {
      const open = price;
      price = Math.max(1, price * (1 + step));
      return bar(i, price, open);
    });
  });

describe('strategies', () => {
  it('cannot see the future: a decision at candle i depends only on candles 0..i', () => {
    fc.assert(
      fc.property(walk, fc.constantFrom(...kinds), fc.nat(), (bars, kind, cut) => {
        const k = 1 + (cut % (bars.length - 1));
        const future = bars.slice(k).map((b) => ({ ...b, close: b.close * 3, open: b.open / 3 }));
        const altered = [...bars.slice(0, k), ...future];
        expect(decisions(kind, altered).slice(0, k)).toEqual(decisions(kind, bars).slice(0, k));
        // The backtest fills at the next open, so its equity up to candle k-1 ignores candles k onward.
        const options = { feeBps: 10, slippageBps: 5, intervalMs: DAY };
        const real = runBacktest(kind, bars, options);
        const rewritten = runBacktest(kind, altered, options);
        expect(rewritten.equityCurve.slice(0, k - 1)).toEqual(real.equityCurve.slice(0, k - 1));
      }),
      { numRuns: 200 },
    );
  });

  it('Bollinger breakout buys the close above the upper band and sells the close under the middle band', () => {
    // 20 candles alternating 99/101 (bands 98..102), a breakout close at 110, then a fall to 95.
    const closes = [...Array.from({ length: 20 }, (_, i) => (i % 2 ? 101 : 99)), 110, 112, 95, 96];
    const bars = closes.map((c, i) => bar(i, c, i === 0 ? c : closes[i - 1]!));
    const made = decisions('BOLLINGER_BREAKOUT', bars);
    expect(made.flatMap((d, i) => (d ? [[i, d]] : []))).toEqual([
      [20, 'BUY'],
      [22, 'SELL'],
    ]);
    const report = runBacktest('BOLLINGER_BREAKOUT', bars, { feeBps: 0, slippageBps: 0, intervalMs: DAY });
    // Filled at the next candles' opens: bought at 110 (open of 21), sold at 95 (open of 23).
    expect(report.trades).toEqual([
      { entryTime: at(21), entryPrice: 110, exitTime: at(23), exitPrice: 95, return: 95 / 110 - 1 },
    ]);
    expect(report.totalReturn).toBeCloseTo(95 / 110 - 1, 12);
    expect(report.winRate).toBe(0);
    expect(report.profitFactor).toBe(0);
    // Peak at the close of 21 (112/110 of the start), trough at the sale (95/110).
    expect(report.maxDrawdown).toBeCloseTo(1 - 95 / 112, 12);
  });

  it('fees and slippage cost every fill', () => {
    const closes = [...Array.from({ length: 20 }, (_, i) => (i % 2 ? 101 : 99)), 110, 112, 95, 96];
    const bars = closes.map((c, i) => bar(i, c, i === 0 ? c : closes[i - 1]!));
    const report = runBacktest('BOLLINGER_BREAKOUT', bars, { feeBps: 10, slippageBps: 20, intervalMs: DAY });
    const entry = 110 * 1.002;
    const exit = 95 * 0.998;
    expect(report.trades[0]!.entryPrice).toBeCloseTo(entry, 10);
    expect(report.trades[0]!.exitPrice).toBeCloseTo(exit, 10);
    expect(report.totalReturn).toBeCloseTo(0.999 ** 2 * (exit / entry) - 1, 12);
  });

  it('metrics stay in range on any series', () => {
    fc.assert(
      fc.property(walk, fc.constantFrom(...kinds), (bars, kind) => {
        const report = runBacktest(kind, bars, { feeBps: 10, slippageBps: 5, intervalMs: DAY });
        expect(report.maxDrawdown >= 0 && report.maxDrawdown <= 1).toBe(true);
        if (report.winRate !== null) expect(report.winRate >= 0 && report.winRate <= 1).toBe(true);
        expect(report.equityCurve).toHaveLength(bars.length);
        expect(report.totalReturn).toBeCloseTo(report.equityCurve.at(-1)!.equity - 1, 12);
        for (const trade of report.trades) expect(trade.exitTime >= trade.entryTime).toBe(true);
      }),
    );
  });
});
