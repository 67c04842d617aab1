import type { Resolvers } from '../generated/resolvers-types';

/** Fill prices leave as decimal strings (8 significant decimals are plenty for a simulated fill). */
const price = (value: number) => String(Number(value.toFixed(8)));

export const backtestResolvers: Pick<Resolvers, 'BacktestTrade'> = {
  BacktestTrade: {
    entryPrice: (trade) => price(trade.entryPrice),
    exitPrice: (trade) => price(trade.exitPrice),
  },
};
