/**
 * Portfolio risk statistics over periodic simple returns (0.01 = +1%). Plain numbers: these are
 * estimates, not money, so floating point is the right tool. Losses are reported as positive fractions.
 */

const Z: Record<95 | 99, number> = { 95: 1.6448536269514722, 99: 2.3263478740408408 };

export const mean = (xs: readonly number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;

/** Sample standard deviation (n - 1). */
export function stdev(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((sum, x) => sum + (x - m) ** 2, 0) / (xs.length - 1));
}

export function returnsOf(prices: readonly number[]): number[] {
  return prices.slice(1).map((price, i) => price / prices[i]! - 1);
}

/** The loss not exceeded in `confidence`% of the observed periods (lower-tail empirical quantile). */
export function historicalVaR(returns: readonly number[], confidence: 95 | 99): number {
  const sorted = [...returns].sort((a, b) => a - b);
  const index = Math.floor(((100 - confidence) / 100) * sorted.length);
  return Math.max(0, -sorted[Math.min(index, sorted.length - 1)]!);
}

/** Variance-covariance VaR under normal returns: zσ − μ. */
export function parametricVaR(returns: readonly number[], confidence: 95 | 99): number {
  return Math.max(0, Z[confidence] * stdev(returns) - mean(returns));
}

/** Annualised excess return per unit of volatility. */
export function sharpeRatio(returns: readonly number[], riskFreePerPeriod = 0, periodsPerYear = 252): number {
  const excess = returns.map((r) => r - riskFreePerPeriod);
  const deviation = stdev(excess);
  return deviation === 0 ? 0 : (mean(excess) / deviation) * Math.sqrt(periodsPerYear);
}

/** Like Sharpe, but only returns below the target count as risk. */
export function sortinoRatio(returns: readonly number[], targetPerPeriod = 0, periodsPerYear = 252): number {
  const downside = Math.sqrt(
    returns.reduce((sum, r) => sum + Math.min(0, r - targetPerPeriod) ** 2, 0) / returns.length,
  );
  return downside === 0 ? 0 : ((mean(returns) - targetPerPeriod) / downside) * Math.sqrt(periodsPerYear);
}

/** Largest fall from a running peak, as a fraction of that peak. */
export function maxDrawdown(values: readonly number[]): number {
  let peak = -Infinity;
  let worst = 0;
  for (const value of values) {
    peak = Math.max(peak, value);
    if (peak > 0) worst = Math.max(worst, (peak - value) / peak);
  }
  return worst;
}

export function correlation(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < a.length; i += 1) {
    cov += (a[i]! - ma) * (b[i]! - mb);
    va += (a[i]! - ma) ** 2;
    vb += (b[i]! - mb) ** 2;
  }
  const scale = Math.sqrt(va) * Math.sqrt(vb); // not sqrt(va * vb): the product underflows for tiny variances
  // Rounding can step just outside [-1, 1]; a correlation never does.
  return scale === 0 ? 0 : Math.max(-1, Math.min(1, cov / scale));
}

export function correlationMatrix(series: readonly (readonly number[])[]): number[][] {
  return series.map((a) => series.map((b) => correlation(a, b)));
}

/** Deterministic PRNG (mulberry32): the same seed gives the same simulation, so results can be checked. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  // Box–Muller; 1 - u keeps log away from 0.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Geometric Brownian motion paths of the portfolio value; the 5th, 50th and 95th percentile at the horizon. */
export function monteCarloValue(
  start: number,
  returns: readonly number[],
  horizon: number,
  paths: number,
  seed = 1,
): { p5: number; p50: number; p95: number } {
  const mu = mean(returns);
  const sigma = stdev(returns);
  const random = seededRandom(seed);
  const drift = mu - (sigma * sigma) / 2;
  const ends = Array.from({ length: paths }, () => {
    let logValue = Math.log(start);
    for (let step = 0; step < horizon; step += 1) logValue += drift + sigma * normal(random);
    return Math.exp(logValue);
  }).sort((a, b) => a - b);
  const at = (q: number) => ends[Math.min(ends.length - 1, Math.floor(q * ends.length))]!;
  return { p5: at(0.05), p50: at(0.5), p95: at(0.95) };
}

/** Quantity such that hitting the stop loses `riskFraction` of equity. */
export function fixedFractionalQuantity(
  equity: number,
  riskFraction: number,
  entry: number,
  stop: number,
): number {
  const riskPerUnit = Math.abs(entry - stop);
  return riskPerUnit === 0 ? 0 : (equity * riskFraction) / riskPerUnit;
}

/** Kelly fraction W − (1 − W)/R, never negative and capped (full Kelly is too aggressive in practice). */
export function cappedKellyFraction(winRate: number, winLossRatio: number, cap = 0.25): number {
  if (winLossRatio <= 0) return 0;
  return Math.min(cap, Math.max(0, winRate - (1 - winRate) / winLossRatio));
}
