import { money } from '../../../platform/money';
import { DateTimeScalar } from '../../../platform/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import type { PortfolioService } from '../services/portfolios';

export function createTradingResolvers(portfolios: PortfolioService): Resolvers {
  return {
    DateTime: DateTimeScalar,
    Query: {
      myPortfolio: (_parent, _args, ctx) => portfolios.myPortfolio(ctx),
    },
    Mutation: {
      resetPaperPortfolio: (_parent, _args, ctx) => portfolios.reset(ctx),
    },
    Portfolio: {
      __resolveReference: (reference, ctx) => portfolios.portfolioById(ctx, reference.id),
      owner: (portfolio) => ({ id: portfolio.userId }),
      cash: (portfolio) => money(portfolio.cashMinor, portfolio.currency),
      positions: (portfolio, _args, ctx) => ctx.loaders.positionsByPortfolioId.load(portfolio.id),
    },
    Position: {
      instrument: (position) => ({ id: position.instrumentId }),
      // toFixed, not toString: decimal.js switches to exponent notation for tiny quantities (1e-8 BTC).
      quantity: (position) => position.quantity.toFixed(),
      averagePrice: (position) => position.averagePrice.toFixed(),
    },
    User: {
      __resolveReference: (reference) => ({ id: reference.id }),
      portfolio: (user, _args, ctx) => portfolios.portfolioOfUser(ctx, user.id),
    },
  };
}
