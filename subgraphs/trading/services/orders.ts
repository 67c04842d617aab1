import { requireOwnedRow, requireViewer } from '../../../platform/auth/access';
import { ConflictError, NotFoundError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { TradeOrder } from '../../../platform/prisma/generated/client';
import type { TradingContext } from '../context';
import { OPEN_STATUSES, type OrderStatus } from '../domain/orderStateMachine';
import type { PlaceOrderInput } from '../generated/resolvers-types';
import { validateOrderInput, type OrderRequest } from './orderInput';
import { appendStatusEvent, lockPortfolio } from './orderLedger';
import { placeOrderInTransaction } from './orderPlacement';
import type { LiveOrders } from './liveOrders';
import type { TradingServiceDeps } from './tradingDeps';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

export function createOrderService(deps: TradingServiceDeps, live: LiveOrders) {
  async function replay(
    ctx: TradingContext,
    userId: string,
    request: OrderRequest,
  ): Promise<TradeOrder | null> {
    const existing = await ctx.prisma.tradeOrder.findUnique({
      where: { userId_clientOrderId: { userId, clientOrderId: request.clientOrderId } },
    });
    if (existing && existing.inputHash !== request.inputHash) {
      throw new ConflictError(
        `clientOrderId ${request.clientOrderId} was already used for a different order`,
        {
          orderId: existing.id,
        },
      );
    }
    return existing;
  }

  async function exchangeAccountCheck(ctx: TradingContext, userId: string, accountId: string | null) {
    if (!accountId) return;
    const account = await ctx.prisma.exchangeAccount.findUnique({ where: { id: accountId } });
    if (!account || account.userId !== userId || account.status !== 'CONNECTED') {
      throw new NotFoundError('ExchangeAccount', accountId);
    }
  }

  return {
    /** Idempotent on (viewer, clientOrderId): a retry after a lost response gets the same order. */
    async placeOrder(ctx: TradingContext, input: PlaceOrderInput): Promise<TradeOrder> {
      const viewer = requireViewer(ctx.viewer, 'place orders');
      const validated = validateOrderInput(input);
      const earlier = await replay(ctx, viewer.userId, validated);
      if (earlier) return earlier;
      await exchangeAccountCheck(ctx, viewer.userId, validated.exchangeAccountId);
      // Live: on the exchange's lot size before the order exists (the input hash stays the caller's).
      const request = validated.exchangeAccountId ? await live.fitToLotSize(validated) : validated;
      try {
        const order = await ctx.prisma.$transaction((tx) =>
          placeOrderInTransaction(tx, deps, { userId: viewer.userId, kyc: viewer.kyc }, request),
        );
        // A live order passed risk and is NEW: send it now that the row exists (no lock held meanwhile).
        return order.exchangeAccountId && order.status === 'NEW' ? await live.submit(order) : order;
      } catch (error) {
        // Two concurrent requests with one clientOrderId: the loser answers with the winner's order.
        if (isUniqueViolation(error)) {
          const winner = await replay(ctx, viewer.userId, request);
          if (winner) return winner;
        }
        throw error;
      }
    },

    async cancelOrder(ctx: TradingContext, id: string): Promise<TradeOrder> {
      const viewer = requireViewer(ctx.viewer, 'cancel orders');
      const row = isUuid(id) ? await ctx.prisma.tradeOrder.findUnique({ where: { id } }) : null;
      const found = requireOwnedRow(viewer, row, 'TradeOrder', id);
      if (found.exchangeAccountId && OPEN_STATUSES.includes(found.status as OrderStatus)) {
        return live.cancel(found);
      }
      return ctx.prisma.$transaction(async (tx) => {
        await lockPortfolio(tx, found.portfolioId);
        const order = await tx.tradeOrder.findUniqueOrThrow({ where: { id } });
        if (!OPEN_STATUSES.includes(order.status as OrderStatus)) {
          throw new ConflictError(`Order is ${order.status} and can no longer be canceled`, {
            status: order.status,
          });
        }
        const reason = viewer.userId === order.userId ? 'Canceled by the user' : 'Canceled by an admin';
        return appendStatusEvent(tx, order, { type: 'CANCELED', reason });
      });
    },

    async order(ctx: TradingContext, id: string): Promise<TradeOrder> {
      const order = isUuid(id) ? await ctx.loaders.orderById.load(id) : null;
      return requireOwnedRow(ctx.viewer, order, 'TradeOrder', id);
    },
  };
}

export type OrderService = ReturnType<typeof createOrderService>;
