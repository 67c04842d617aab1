import { requireViewer } from '../../../platform/auth/access';
import { BadUserInputError } from '../../../platform/errors';
import type { TradingContext } from '../context';
import { commonDailyCloses } from './dailyCloses';
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
} from '../domain/portfolioRisk';
import type {
  PortfolioRiskInput,
  PortfolioRiskReport,
  PositionSizeInput,
  PositionSizeSuggestion,
} from '../generated/resolvers-types';

const within = (value: number, min: number, max: number, field: string) => {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new BadUserInputError(`${field} must be between ${min} and ${max}`, field);
  }
  return value;
};

/**
 * The viewer's holdings as price series: net quantity per symbol over paper and live positions, the last
 * `lookbackDays` daily closes they all have, weighted by market value at the last close (signed: a short
 * weighs against), as fractions of the gross value.
 */
async function holdingsSeries(ctx: TradingContext, userId: string, lookbackDays: number) {
  const positions = await ctx.prisma.position.findMany({
    where: { portfolio: { userId }, quantity: { not: 0 }, symbol: { not: '' } },
    select: { symbol: true, quantity: true },
  });
  const quantities = new Map<string, number>();
  for (const p of positions)
    quantities.set(p.symbol, (quantities.get(p.symbol) ?? 0) + p.quantity.toNumber());
  const symbols = [...quantities]
    .filter(([, q]) => q !== 0)
    .map(([symbol]) => symbol)
    .sort();
  if (symbols.length === 0) throw new BadUserInputError('You hold nothing to analyse: pass series', 'series');
  const days = await commonDailyCloses(ctx.prisma, symbols, lookbackDays);
  if (days.length < 3) {
    throw new BadUserInputError(
      `Your holdings have ${days.length} daily closes in common; at least 3 are needed (or pass series)`,
      'series',
    );
  }
  const values = symbols.map((symbol, i) => quantities.get(symbol)! * days.at(-1)![i]!);
  const gross = values.reduce((sum, v) => sum + Math.abs(v), 0);
  return {
    series: symbols.map((symbol, i) => ({ symbol, closes: days.map((day) => day[i]!) })),
    weights: values.map((v) => v / gross),
  };
}

/** Bounded inputs: the Monte Carlo cost is paths × horizon, kept under ~4M steps per request. */
export async function portfolioRisk(
  ctx: TradingContext,
  input: PortfolioRiskInput,
): Promise<PortfolioRiskReport> {
  const viewer = requireViewer(ctx.viewer, 'analyse a portfolio');
  const holdings = input.series
    ? null
    : await holdingsSeries(ctx, viewer.userId, within(input.lookbackDays ?? 90, 3, 2000, 'lookbackDays'));
  const series = input.series ?? holdings!.series;
  within(series.length, 1, 20, 'series');
  const length = series[0]!.closes.length;
  within(length, 3, 2000, 'closes');
  for (const s of series) {
    if (s.closes.length !== length)
      throw new BadUserInputError('Every series needs the same number of closes', 'closes');
    if (s.closes.some((close) => !Number.isFinite(close) || close <= 0)) {
      throw new BadUserInputError('Closes must be positive numbers', 'closes');
    }
  }
  const weights = input.weights ?? holdings?.weights ?? series.map(() => 1 / series.length);
  if (weights.length !== series.length) throw new BadUserInputError('One weight per series', 'weights');
  weights.forEach((w) => within(w, -10, 10, 'weights'));
  const returnsBySeries = series.map((s) => returnsOf(s.closes));
  const portfolioReturns = returnsBySeries[0]!.map((_, t) =>
    returnsBySeries.reduce((sum, r, i) => sum + weights[i]! * r[t]!, 0),
  );
  const values = portfolioReturns.reduce<number[]>((path, r) => [...path, path.at(-1)! * (1 + r)], [1]);
  const horizon = within(input.horizon ?? 20, 1, 365, 'horizon');
  const paths = within(input.paths ?? 1000, 100, 10_000, 'paths');
  const periodsPerYear = within(input.periodsPerYear ?? 252, 1, 100_000, 'periodsPerYear');
  return {
    symbols: series.map((s) => s.symbol),
    historicalVaR95: historicalVaR(portfolioReturns, 95),
    historicalVaR99: historicalVaR(portfolioReturns, 99),
    parametricVaR95: parametricVaR(portfolioReturns, 95),
    parametricVaR99: parametricVaR(portfolioReturns, 99),
    sharpeRatio: sharpeRatio(portfolioReturns, input.riskFreeRate ?? 0, periodsPerYear),
    sortinoRatio: sortinoRatio(portfolioReturns, input.riskFreeRate ?? 0, periodsPerYear),
    maxDrawdown: maxDrawdown(values),
    correlation: correlationMatrix(returnsBySeries),
    monteCarlo: monteCarloValue(
      within(input.startValue ?? 1_000_000, 1, 1e15, 'startValue'),
      portfolioReturns,
      horizon,
      paths,
      input.seed ?? 1,
    ),
  };
}

export function positionSizeSuggestion(
  ctx: TradingContext,
  input: PositionSizeInput,
): PositionSizeSuggestion {
  requireViewer(ctx.viewer, 'get position sizing');
  const equity = within(input.equity, 0, 1e15, 'equity');
  const entry = within(input.entryPrice, Number.MIN_VALUE, 1e12, 'entryPrice');
  const stop = within(input.stopPrice, 0, 1e12, 'stopPrice');
  const kellyFraction = cappedKellyFraction(
    within(input.winRate, 0, 1, 'winRate'),
    within(input.winLossRatio, 0, 1000, 'winLossRatio'),
    within(input.kellyCap ?? 0.25, 0, 1, 'kellyCap'),
  );
  return {
    fixedFractionalQuantity: fixedFractionalQuantity(
      equity,
      within(input.riskFraction, 0, 0.1, 'riskFraction'),
      entry,
      stop,
    ),
    kellyFraction,
    kellyQuantity: (equity * kellyFraction) / entry,
  };
}
