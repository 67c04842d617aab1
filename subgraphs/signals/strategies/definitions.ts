// Strategies turn indicator streams into BUY/SELL decisions, one candle at a time: a decision at candle i
// is made from candles 0..i only, so neither live runs nor backtests can see the future.
import { bollingerStream, macdStream, rsiStream, type Stream } from '../indicators/streaming';

export type StrategyKind = 'RSI_MEAN_REVERSION' | 'MACD_CROSSOVER' | 'BOLLINGER_BREAKOUT';
export type Decision = 'BUY' | 'SELL';

export interface PriceBar {
  open: number;
  high: number;
  low: number;
  close: number;
}

export interface StrategyDefinition {
  kind: StrategyKind;
  /** Stored in Signal.strategy. */
  name: string;
  description: string;
  /** Candles before the first possible decision. */
  warmUp: number;
  create(): Stream<PriceBar, Decision>;
}

/** Remembers the previous value so a rule can react to crossings, not levels. */
function withPrevious<T>(rule: (previous: T, current: T) => Decision | null, indicator: Stream<number, T>) {
  let previous: T | null = null;
  return {
    next(bar: PriceBar): Decision | null {
      const current = indicator.next(bar.close);
      const decision = previous !== null && current !== null ? rule(previous, current) : null;
      if (current !== null) previous = current;
      return decision;
    },
  };
}

function bollingerBreakout(): Stream<PriceBar, Decision> {
  const bands = bollingerStream(20, 2);
  let previous: { close: number; upper: number; middle: number } | null = null;
  return {
    next(bar) {
      const current = bands.next(bar.close);
      if (!current) return null;
      const now = { close: bar.close, upper: current.upper, middle: current.middle };
      const before = previous;
      previous = now;
      if (!before) return null;
      if (before.close <= before.upper && now.close > now.upper) return 'BUY';
      if (before.close >= before.middle && now.close < now.middle) return 'SELL';
      return null;
    },
  };
}

export const strategies: Record<StrategyKind, StrategyDefinition> = {
  RSI_MEAN_REVERSION: {
    kind: 'RSI_MEAN_REVERSION',
    name: 'rsi-mean-reversion',
    description: 'RSI(14) crossing up through 30 buys, crossing down through 70 sells.',
    warmUp: 15,
    create: () =>
      withPrevious<number>((before, now) => {
        if (before < 30 && now >= 30) return 'BUY';
        if (before > 70 && now <= 70) return 'SELL';
        return null;
      }, rsiStream(14)),
  },
  MACD_CROSSOVER: {
    kind: 'MACD_CROSSOVER',
    name: 'macd-crossover',
    description: 'MACD(12, 26, 9) crossing above its signal line buys, below it sells.',
    warmUp: 34,
    create: () =>
      withPrevious<{ histogram: number }>(
        (before, now) => {
          if (before.histogram <= 0 && now.histogram > 0) return 'BUY';
          if (before.histogram >= 0 && now.histogram < 0) return 'SELL';
          return null;
        },
        macdStream(12, 26, 9),
      ),
  },
  BOLLINGER_BREAKOUT: {
    kind: 'BOLLINGER_BREAKOUT',
    name: 'bollinger-breakout',
    description:
      'A close above the upper Bollinger band (20, 2) buys; a close back under the middle band sells.',
    warmUp: 21,
    create: bollingerBreakout,
  },
};

/** Every decision a strategy makes over a series, index by index. */
export function decisions(kind: StrategyKind, bars: readonly PriceBar[]): (Decision | null)[] {
  const strategy = strategies[kind].create();
  return bars.map((bar) => strategy.next(bar));
}
