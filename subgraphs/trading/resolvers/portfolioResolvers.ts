import { money } from '../../../platform/money';
import { Prisma } from '../../../platform/prisma';
import type { Position } from '../../../platform/prisma/generated/client';
import { toInrMinor } from '../domain/paperFx';
import { unrealizedPnl } from '../domain/positionMath';
import type { LastTickStore } from '../exchange/marketTicks';
import type { ExchangeAccountResolvers, Resolvers } from '../generated/resolvers-types';
import type { ExchangeAccountService } from '../services/exchangeAccounts';
import type { PortfolioService } from '../services/portfolios';

type Holdings = Pick<ExchangeAccountResolvers, 'positions' | 'positionsValue'>;

export function portfolioResolvers(
  portfolios: PortfolioService,
  accounts: ExchangeAccountService,
  ticks: LastTickStore,
): Pick<Resolvers, 'Portfolio' | 'Position'> & { accountHoldings: Holdings } {
  const mark = (position: Position) =>
    position.symbol ? (ticks.latest(position.symbol)?.price ?? null) : null;
  // Positions without a tick yet are valued at cost: no price is better than a guessed one.
  const heldMinor = (positions: Position[]) =>
    positions
      .filter((position) => position.symbol)
      .reduce(
        (sum, position) =>
          sum + toInrMinor(position.symbol, position.quantity.mul(mark(position) ?? position.averagePrice)),
        0n,
      );
  return {
    accountHoldings: {
      positions: (account, _args, ctx) => ctx.loaders.positionsByExchangeAccountId.load(account.id),
      positionsValue: async (account, _args, ctx) =>
        money(heldMinor(await ctx.loaders.positionsByExchangeAccountId.load(account.id)), 'INR'),
    },
    Portfolio: {
      __resolveReference: (reference, ctx) => portfolios.portfolioById(ctx, reference.id),
      owner: (portfolio) => ({ id: portfolio.userId }),
      cash: (portfolio) => money(portfolio.cashMinor, portfolio.currency),
      positions: (portfolio, _args, ctx) => ctx.loaders.positionsByPortfolioId.load(portfolio.id),
      // Paper positions only (the loader's): live holdings are their exchange account's.
      value: async (portfolio, _args, ctx) => {
        const positions = await ctx.loaders.positionsByPortfolioId.load(portfolio.id);
        return money(portfolio.cashMinor + heldMinor(positions), portfolio.currency);
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
      exchangeAccount: (position, _args, ctx) =>
        position.exchangeAccountId ? accounts.byId(ctx, position.exchangeAccountId) : null,
      unrealizedPnl: (position) => {
        const price = mark(position);
        return price
          ? unrealizedPnl(position, price).toDecimalPlaces(10, Prisma.Decimal.ROUND_HALF_UP).toFixed()
          : null;
      },
    },
  };
}
