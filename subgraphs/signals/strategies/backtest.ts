// Backtest of a long-only strategy: a decision taken at a candle's close fills at the NEXT candle's open
// (with slippage and fees), so no trade uses a price it could not have had.
import { decisions, type PriceBar, type StrategyKind } from './definitions';

export interface TimedBar extends PriceBar {
  time: Date;
}

export interface BacktestOptions {
  feeBps: number;
  slippageBps: number;
  /** Length of one candle, to annualise Sharpe and Sortino. */
  intervalMs: number;
}

export interface Trade {
  entryTime: Date;
  entryPrice: number;
  exitTime: Date;
  exitPrice: number;
  return: number;
}

export interface BacktestReport {
  trades: Trade[];
  equityCurve: { time: Date; equity: number }[];
  totalReturn: number;
  cagr: number | null;
  sharpe: number | null;
  sortino: number | null;
  maxDrawdown: number;
  winRate: number | null;
  profitFactor: number | null;
}

const YEAR_MS = 365.25 * 86_400_000;

export function runBacktest(
  kind: StrategyKind,
  bars: readonly TimedBar[],
  options: BacktestOptions,
): BacktestReport {
  const fee = options.feeBps / 10_000;
  const slip = options.slippageBps / 10_000;
  const signals = decisions(kind, bars);
  const trades: Trade[] = [];
  const equityCurve: { time: Date; equity: number }[] = [];
  let cash = 1;
  let units = 0;
  let entry: { time: Date; price: number } | null = null;

  const sell = (time: Date, price: number) => {
    const fill = price * (1 - slip);
    cash = units * fill * (1 - fee);
    trades.push({
      entryTime: entry!.time,
      entryPrice: entry!.price,
      exitTime: time,
      exitPrice: fill,
      return: ((1 - fee) ** 2 * fill) / entry!.price - 1,
    });
    units = 0;
    entry = null;
  };

  bars.forEach((bar, i) => {
    // Fill what the previous candle decided, at this candle's open.
    const pending = i > 0 ? signals[i - 1] : null;
    if (pending === 'BUY' && !entry) {
      const fill = bar.open * (1 + slip);
      units = (cash * (1 - fee)) / fill;
      cash = 0;
      entry = { time: bar.time, price: fill };
    } else if (pending === 'SELL' && entry) {
      sell(bar.time, bar.open);
    }
    const last = i === bars.length - 1;
    if (last && entry) sell(bar.time, bar.close);
    equityCurve.push({ time: bar.time, equity: entry ? units * bar.close : cash });
  });

  return { trades, equityCurve, ...metrics(trades, equityCurve, options.intervalMs) };
}

function metrics(trades: Trade[], curve: { time: Date; equity: number }[], intervalMs: number) {
  const final = curve.at(-1)?.equity ?? 1;
  const span = curve.length > 1 ? curve.at(-1)!.time.getTime() - curve[0]!.time.getTime() : 0;
  const returns = curve.slice(1).map((point, i) => point.equity / curve[i]!.equity - 1);
  const average = returns.reduce((a, b) => a + b, 0) / (returns.length || 1);
  const deviation = Math.sqrt(
    returns.reduce((a, r) => a + (r - average) ** 2, 0) / Math.max(returns.length - 1, 1),
  );
  const downside = Math.sqrt(returns.reduce((a, r) => a + Math.min(r, 0) ** 2, 0) / (returns.length || 1));
  const annualise = Math.sqrt(YEAR_MS / intervalMs);
  let peak = -Infinity;
  let maxDrawdown = 0;
  for (const { equity } of curve) {
    peak = Math.max(peak, equity);
    maxDrawdown = Math.max(maxDrawdown, (peak - equity) / peak);
  }
  const gains = trades.filter((t) => t.return > 0).reduce((a, t) => a + t.return, 0);
  const losses = -trades.filter((t) => t.return < 0).reduce((a, t) => a + t.return, 0);
  return {
    totalReturn: final - 1,
    cagr: span > 0 ? final ** (YEAR_MS / span) - 1 : null,
    sharpe: returns.length > 1 && deviation > 0 ? (average / deviation) * annualise : null,
    sortino: returns.length > 1 && downside > 0 ? (average / downside) * annualise : null,
    maxDrawdown,
    winRate: trades.length > 0 ? trades.filter((t) => t.return > 0).length / trades.length : null,
    profitFactor: losses > 0 ? gains / losses : null,
  };
}
