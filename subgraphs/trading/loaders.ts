import DataLoader from 'dataloader';
import type { Viewer } from '../../platform/auth/viewer';
import { byKeys, groupByKeys } from '../../platform/loaders';
import type { PrismaClient } from '../../platform/prisma';
import type {
  ExchangeAccount,
  Portfolio,
  Position,
  SignalCopySkip,
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
        // The paper portfolio's own: live holdings are listed under their exchange account.
        await prisma.position.findMany({
          where: { portfolioId: { in: [...portfolioIds] }, exchangeAccountId: null },
          orderBy: [{ instrumentId: 'asc' }],
        }),
        (position) => position.portfolioId,
      ),
    ),
    positionsByExchangeAccountId: new DataLoader<string, Position[]>(async (accountIds) =>
      groupByKeys(
        accountIds,
        await prisma.position.findMany({
          where: { exchangeAccountId: { in: [...accountIds] } },
          orderBy: [{ symbol: 'asc' }],
        }),
        (position) => position.exchangeAccountId ?? '',
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
    /** Newest first, the last 20 per follow (a follow's skips only grow while its owner stays FREE). */
    skipsByFollowId: new DataLoader<string, SignalCopySkip[]>(async (followIds) =>
      groupByKeys(
        followIds,
        await prisma.$queryRaw<SignalCopySkip[]>`
          SELECT id, follow_id AS "followId", signal_id AS "signalId", user_id AS "userId", reason,
                 created_at AS "createdAt"
            FROM (SELECT s.*, row_number() OVER (PARTITION BY follow_id ORDER BY created_at DESC) AS n
                    FROM trading.signal_copy_skip s
                   WHERE follow_id = ANY(${[...followIds]}::uuid[])) ranked
           WHERE n <= 20
           ORDER BY created_at DESC`,
        (skip) => skip.followId,
      ),
    ),
    exchangeAccountById: new DataLoader<string, ExchangeAccount | null>(async (ids) =>
      byKeys(ids, await prisma.exchangeAccount.findMany({ where: { id: { in: [...ids] } } }), (a) => a.id),
    ),
  };
}

export type TradingLoaders = ReturnType<typeof createTradingLoaders>;
