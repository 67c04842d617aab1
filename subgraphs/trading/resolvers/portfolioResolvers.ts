import { money } from '../../../platform/money';
import { Prisma } from '../../../platform/prisma';
import type { Position } from '../../../platform/prisma/generated/client';
import { toInrMinor } from '../domain/paperFx';
import { unrealizedPnl } from '../domain/positionMath';
import type { LastTickStore } from '../exchange/marketTicks';
import type { Resolvers } from '../generated/resolvers-types';
import type { PortfolioService } from '../services/portfolios';

export function portfolioResolvers(
  portfolios: PortfolioService,
  ticks: LastTickStore,
): Pick<Resolvers, 'Portfolio' | 'Position'> {
  const mark = (position: Position) =>
    position.symbol ? (ticks.latest(position.symbol)?.price ?? null) : null;
  return {
    Portfolio: {
      __resolveReference: (reference, ctx) => portfolios.portfolioById(ctx, reference.id),
      owner: (portfolio) => ({ id: portfolio.userId }),
      cash: (portfolio) => money(portfolio.cashMinor, portfolio.currency),
      positions: (portfolio, _args, ctx) => ctx.loaders.positionsByPortfolioId.load(portfolio.id),
      // Positions without a tick yet are valued at cost: no price is better than a guessed one.
      value: async (portfolio, _args, ctx) => {
        const positions = await ctx.loaders.positionsByPortfolioId.load(portfolio.id);
        const held = positions
          .filter((position) => position.symbol)
          .reduce(
            (sum, position) =>
              sum +
              toInrMinor(position.symbol, position.quantity.mul(mark(position) ?? position.averagePrice)),
            0n,
          );
        return money(portfolio.cashMinor + held, portfolio.currency);
      },
      killSwitch: (portfolio) => portfolio.killSwitch,
    },
    Position: {
      instrument: (position) => ({ id: position.instrumentId }),
      // toFixed, not toString: decimal.js switches to exponent notation for tiny quantities (1e-8 BTC).
      quantity: (position) => position.quantity.toFixed(),
      averagePrice: (position) => position.averagePrice.toFixed(),
      realizedPnl: (position) => position.realizedPnl.toFixed(),
      markPrice: (position) => mark(position)?.toFixed() ?? null,
      unrealizedPnl: (position) => {
        const price = mark(position);
        return price
          ? unrealizedPnl(position, price).toDecimalPlaces(10, Prisma.Decimal.ROUND_HALF_UP).toFixed()
          : null;
      },
    },
  };
}
