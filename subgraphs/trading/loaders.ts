import DataLoader from 'dataloader';
import type { Viewer } from '../../platform/auth/viewer';
import { byKeys, groupByKeys } from '../../platform/loaders';
import type { PrismaClient } from '../../platform/prisma';
import type {
  ExchangeAccount,
  Portfolio,
  Position,
  TradeEvent,
  TradeOrder,
} from '../../platform/prisma/generated/client';

// Rows come back unfiltered: ownership is checked in the services, once for every entry point.
export function createTradingLoaders(prisma: PrismaClient, _viewer: Viewer | null) {
  return {
    portfolioById: new DataLoader<string, Portfolio | null>(async (ids) =>
      byKeys(ids, await prisma.portfolio.findMany({ where: { id: { in: [...ids] } } }), (p) => p.id),
    ),
    portfolioByUserId: new DataLoader<string, Portfolio | null>(async (userIds) =>
      byKeys(
        userIds,
        await prisma.portfolio.findMany({ where: { userId: { in: [...userIds] } } }),
        (p) => p.userId,
      ),
    ),
    positionsByPortfolioId: new DataLoader<string, Position[]>(async (portfolioIds) =>
      groupByKeys(
        portfolioIds,
        await prisma.position.findMany({
          where: { portfolioId: { in: [...portfolioIds] } },
          orderBy: [{ instrumentId: 'asc' }],
        }),
        (position) => position.portfolioId,
      ),
    ),
    orderById: new DataLoader<string, TradeOrder | null>(async (ids) =>
      byKeys(ids, await prisma.tradeOrder.findMany({ where: { id: { in: [...ids] } } }), (o) => o.id),
    ),
    eventsByOrderId: new DataLoader<string, TradeEvent[]>(async (orderIds) =>
      groupByKeys(
        orderIds,
        await prisma.tradeEvent.findMany({
          where: { orderId: { in: [...orderIds] } },
          orderBy: { sequence: 'asc' },
        }),
        (event) => event.orderId ?? '',
      ),
    ),
    exchangeAccountById: new DataLoader<string, ExchangeAccount | null>(async (ids) =>
      byKeys(ids, await prisma.exchangeAccount.findMany({ where: { id: { in: [...ids] } } }), (a) => a.id),
    ),
  };
}

export type TradingLoaders = ReturnType<typeof createTradingLoaders>;
