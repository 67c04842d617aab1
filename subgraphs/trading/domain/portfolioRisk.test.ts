import fc from 'fast-check';
import {
  cappedKellyFraction,
  correlationMatrix,
  fixedFractionalQuantity,
  historicalVaR,
  maxDrawdown,
  monteCarloValue,
  parametricVaR,
  returnsOf,
  sharpeRatio,
  sortinoRatio,
} from './portfolioRisk';

// 100 returns: -5%, -4.9%, ..., +4.9% (uniform), mean -0.05%.
const uniform = Array.from({ length: 100 }, (_, i) => (i - 50) / 1000);

describe('portfolio risk statistics', () => {
  it('historical VaR reads the lower tail', () => {
    expect(historicalVaR(uniform, 95)).toBeCloseTo(0.045, 10);
    expect(historicalVaR(uniform, 99)).toBeCloseTo(0.049, 10);
    expect(historicalVaR([0.01, 0.02, 0.03], 95)).toBe(0);
  });

  it('parametric VaR is zσ − μ', () => {
    const returns = [0.02, -0.02, 0.02, -0.02];
    const sigma = Math.sqrt((4 * 0.0004) / 3);
    expect(parametricVaR(returns, 95)).toBeCloseTo(1.6448536 * sigma, 6);
    expect(parametricVaR(returns, 99)).toBeCloseTo(2.3263479 * sigma, 6);
  });

  it('Sharpe and Sortino annualise; Sortino ignores upside volatility', () => {
    const returns = [0.01, 0.03, -0.01, 0.05];
    expect(sharpeRatio(returns)).toBeCloseTo((0.02 / Math.sqrt(0.002 / 3)) * Math.sqrt(252), 8);
    // Downside deviation: sqrt(0.0001 / 4) = 0.005.
    expect(sortinoRatio(returns)).toBeCloseTo((0.02 / 0.005) * Math.sqrt(252), 8);
  });

  it('max drawdown is the worst fall from a peak', () => {
    expect(maxDrawdown([100, 120, 90, 130, 65, 140])).toBeCloseTo(0.5, 10);
    expect(maxDrawdown([1, 2, 3])).toBe(0);
  });

  it('correlation matrix is symmetric with a unit diagonal, in [-1, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }), {
          minLength: 2,
          maxLength: 4,
        }),
        (series) => {
          const m = correlationMatrix(series);
          m.forEach((row, i) =>
            row.forEach((value, j) => {
              expect(Math.abs(value)).toBeLessThanOrEqual(1 + 1e-9);
              expect(value).toBeCloseTo(m[j]![i]!, 9);
            }),
          );
        },
      ),
    );
    const up = [1, 2, 3, 4];
    const [[aa, ab], [ba, bb]] = correlationMatrix([up, up.map((x) => -2 * x)]) as [number[], number[]];
    expect([aa, ab, ba, bb].map((x) => Math.round(x! * 1e12) / 1e12)).toEqual([1, -1, -1, 1]);
    expect(returnsOf([100, 110, 99])).toEqual([0.10000000000000009, -0.09999999999999998]);
  });

  it('Monte Carlo is reproducible per seed and ordered p5 < p50 < p95', () => {
    const a = monteCarloValue(1000, uniform, 20, 2000, 7);
    expect(monteCarloValue(1000, uniform, 20, 2000, 7)).toEqual(a);
    expect(a.p5).toBeLessThan(a.p50);
    expect(a.p50).toBeLessThan(a.p95);
    // 20 periods of ~2.9% volatility: the median stays near the start.
    expect(a.p50).toBeGreaterThan(900);
    expect(a.p50).toBeLessThan(1100);
  });

  it('suggests position sizes: fixed fractional and capped Kelly', () => {
    // Risk 1% of ₹1,00,000 with a stop 50 below entry: 20 units.
    expect(fixedFractionalQuantity(100_000, 0.01, 1000, 950)).toBe(20);
    expect(cappedKellyFraction(0.6, 2)).toBe(0.25); // full Kelly 0.4, capped
    expect(cappedKellyFraction(0.55, 1, 0.5)).toBeCloseTo(0.1, 10);
    expect(cappedKellyFraction(0.3, 1)).toBe(0);
  });
});
