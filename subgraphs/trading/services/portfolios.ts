import { requireOwnedRow, requireOwner, requireViewer } from '../../../platform/auth/access';
import { BadUserInputError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/events/outbox';
import { isUuid } from '../../../platform/loaders';
import type { TransactionClient } from '../../../platform/prisma';
import type { Portfolio, Position } from '../../../platform/prisma/generated/client';
import type { TradingContext } from '../context';
import { OPEN_STATUSES } from '../domain/orderStateMachine';
import { appendStatusEvent, lockPortfolio } from './orderLedger';
import { TradingTopics, type PortfolioResetPayload } from '../topics';

/** Every paper portfolio starts with ₹10,00,000.00. */
export const STARTING_CASH_MINOR = 100_000_000n;
export const STARTING_CURRENCY = 'INR';

/** Idempotent: a redelivered registration event (or a reset that got there first) leaves it alone. */
export async function openPortfolio(tx: TransactionClient, userId: string): Promise<void> {
  await tx.portfolio.createMany({
    data: [{ userId, currency: STARTING_CURRENCY, cashMinor: STARTING_CASH_MINOR }],
    skipDuplicates: true,
  });
}

export function createPortfolioService() {
  return {
    async myPortfolio(ctx: TradingContext): Promise<Portfolio | null> {
      return ctx.viewer ? ctx.loaders.portfolioByUserId.load(ctx.viewer.userId) : null;
    },

    async portfolioOfUser(ctx: TradingContext, userId: string): Promise<Portfolio | null> {
      requireOwner(ctx.viewer, userId, 'Portfolio', userId);
      return isUuid(userId) ? ctx.loaders.portfolioByUserId.load(userId) : null;
    },

    /** The gateway's entry point: a portfolio id alone must not open someone else's portfolio. */
    async portfolioById(ctx: TradingContext, id: string): Promise<Portfolio> {
      const portfolio = isUuid(id) ? await ctx.loaders.portfolioById.load(id) : null;
      return requireOwnedRow(ctx.viewer, portfolio, 'Portfolio', id);
    },

    async reset(ctx: TradingContext): Promise<Portfolio> {
      const viewer = requireViewer(ctx.viewer, 'reset your portfolio');
      const { userId } = viewer;
      const portfolio = await ctx.prisma.$transaction(async (tx) => {
        const start = { currency: STARTING_CURRENCY, cashMinor: STARTING_CASH_MINOR };
        const row = await tx.portfolio.upsert({
          where: { userId },
          create: { userId, ...start },
          update: start,
        });
        await lockPortfolio(tx, row.id);
        // Open orders would otherwise fill against the fresh cash; the reset is an event too, so a
        // rebuild from events lands on the same starting state. Live orders and holdings belong to
        // their exchange accounts, not to the paper portfolio: they stay.
        const open = await tx.tradeOrder.findMany({
          where: { portfolioId: row.id, exchangeAccountId: null, status: { in: [...OPEN_STATUSES] } },
        });
        for (const order of open)
          await appendStatusEvent(tx, order, { type: 'CANCELED', reason: 'Portfolio reset' });
        await tx.tradeEvent.create({ data: { portfolioId: row.id, type: 'PORTFOLIO_RESET' } });
        await tx.position.deleteMany({ where: { portfolioId: row.id, exchangeAccountId: null } });
        await enqueueEvent<PortfolioResetPayload>(tx, 'trading', {
          topic: TradingTopics.portfolioReset,
          key: row.id,
          type: 'PortfolioReset',
          payload: { portfolioId: row.id, userId },
          correlationId: ctx.correlationId,
        });
        return row;
      });
      // Loaders may already hold the pre-reset rows for this request.
      ctx.loaders.portfolioById.clear(portfolio.id).prime(portfolio.id, portfolio);
      ctx.loaders.portfolioByUserId.clear(userId).prime(userId, portfolio);
      ctx.loaders.positionsByPortfolioId.clear(portfolio.id).prime(portfolio.id, []);
      return portfolio;
    },

    /** The owner's own position only: live positionUpdated events resolve through here as the subscriber. */
    async position(ctx: TradingContext, id: string): Promise<Position> {
      const viewer = requireViewer(ctx.viewer, 'see your positions');
      const found = isUuid(id)
        ? await ctx.prisma.position.findUnique({ where: { id }, include: { portfolio: true } })
        : null;
      // Not even admins: positions follow the owner's live stream (no staff roles).
      requireOwner(viewer, found?.portfolio.userId ?? null, 'Position', id, []);
      const { portfolio: _owner, ...position } = found!;
      return position;
    },

    /** The owner's own switch; an ADMIN may set anyone's. */
    async setKillSwitch(ctx: TradingContext, enabled: boolean, userId?: string | null): Promise<Portfolio> {
      const viewer = requireViewer(ctx.viewer, 'use the kill switch');
      const target = userId ?? viewer.userId;
      if (!isUuid(target)) throw new BadUserInputError('userId is not an id', 'userId');
      requireOwner(viewer, target, 'Portfolio', target);
      const portfolio = await ctx.prisma.$transaction(async (tx) => {
        await openPortfolio(tx, target);
        return tx.portfolio.update({ where: { userId: target }, data: { killSwitch: enabled } });
      });
      ctx.loaders.portfolioById.clear(portfolio.id).prime(portfolio.id, portfolio);
      return portfolio;
    },
  };
}

export type PortfolioService = ReturnType<typeof createPortfolioService>;
