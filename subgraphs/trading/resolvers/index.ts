import { DateTimeScalar } from '../../../platform/scalars';
import type { LastTickStore } from '../exchange/marketTicks';
import type { Resolvers } from '../generated/resolvers-types';
import type { ExchangeAccountService } from '../services/exchangeAccounts';
import type { OrderService } from '../services/orders';
import type { PortfolioService } from '../services/portfolios';
import type { SignalFollowService } from '../services/signalFollows';
import { ordersOfViewer } from '../services/orderQueries';
import { portfolioRisk, positionSizeSuggestion } from '../services/riskAnalytics';
import { createTradingAnalytics } from '../services/tradingAnalytics';
import { orderResolvers } from './orderResolvers';
import { portfolioResolvers } from './portfolioResolvers';

export interface TradingServices {
  portfolios: PortfolioService;
  orders: OrderService;
  exchangeAccounts: ExchangeAccountService;
  follows: SignalFollowService;
  ticks: LastTickStore;
}

export function createTradingResolvers(services: TradingServices): Resolvers {
  const { portfolios, orders, exchangeAccounts, follows } = services;
  const { accountHoldings, ...portfolio } = portfolioResolvers(portfolios, exchangeAccounts, services.ticks);
  const order = orderResolvers(orders, exchangeAccounts);
  return {
    DateTime: DateTimeScalar,
    Query: {
      myPortfolio: (_parent, _args, ctx) => portfolios.myPortfolio(ctx),
      orders: (_parent, args, ctx) => ordersOfViewer(ctx, args),
      tradeOrder: (_parent, { id }, ctx) => orders.order(ctx, id),
      exchangeAccounts: (_parent, _args, ctx) => exchangeAccounts.list(ctx),
      signalFollows: (_parent, _args, ctx) => follows.list(ctx),
      portfolioRisk: (_parent, { input }, ctx) => portfolioRisk(ctx, input),
      positionSizeSuggestion: (_parent, { input }, ctx) => positionSizeSuggestion(ctx, input),
      position: (_parent, { id }, ctx) => portfolios.position(ctx, id),
      tradingAnalytics: (_parent, { from, to }, ctx) =>
        createTradingAnalytics(ctx.prisma).tradingAnalytics(from, to),
    },
    Mutation: {
      resetPaperPortfolio: (_parent, _args, ctx) => portfolios.reset(ctx),
      placeOrder: (_parent, { input }, ctx) => orders.placeOrder(ctx, input),
      cancelOrder: (_parent, { id }, ctx) => orders.cancelOrder(ctx, id),
      setKillSwitch: (_parent, { enabled, userId }, ctx) => portfolios.setKillSwitch(ctx, enabled, userId),
      connectExchangeAccount: (_parent, { input }, ctx) => exchangeAccounts.connect(ctx, input),
      disconnectExchangeAccount: (_parent, { id }, ctx) => exchangeAccounts.disconnect(ctx, id),
      followSignalSource: (_parent, { input }, ctx) => follows.follow(ctx, input),
      unfollowSignalSource: (_parent, { id }, ctx) => follows.unfollow(ctx, id),
    },
    ...portfolio,
    ...order,
    ExchangeAccount: { ...order.ExchangeAccount, ...accountHoldings },
    User: {
      __resolveReference: (reference) => ({ id: reference.id }),
      portfolio: (user, _args, ctx) => portfolios.portfolioOfUser(ctx, user.id),
    },
  };
}
