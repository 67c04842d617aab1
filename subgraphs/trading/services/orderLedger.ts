import type { Prisma } from '../../../platform/prisma';
import { type TransactionClient } from '../../../platform/prisma';
import type { TradeOrder } from '../../../platform/prisma/generated/client';
import { applyFill, flatPosition } from '../domain/positionMath';
import { toInrMinor } from '../domain/paperFx';
import {
  fillTypeFor,
  transition,
  type OrderEvent,
  type OrderState,
  type OrderStatus,
} from '../domain/orderStateMachine';
import type { ExchangeFill } from '../exchange/exchangeAdapter';
import { announceOrder, announcePosition } from './liveUpdates';

/**
 * Writes to the append-only trade_event log and keeps the projections (order row, position, cash)
 * in step, in the caller's transaction. Callers hold the portfolio lock (lockPortfolio) first, so
 * two fills of one portfolio never interleave.
 */
export async function lockPortfolio(tx: TransactionClient, portfolioId: string): Promise<void> {
  await tx.$queryRawUnsafe('SELECT 1 FROM trading.portfolio WHERE id = $1::uuid FOR UPDATE', portfolioId);
}

export const orderStateOf = (order: TradeOrder): OrderState => ({
  status: order.status as OrderStatus,
  quantity: order.quantity,
  filledQuantity: order.filledQuantity,
  averageFillPrice: order.averageFillPrice,
  reason: order.reason,
});

/** A status change without a fill (ACCEPTED, CANCELED, REJECTED, EXPIRED). Throws on an illegal one. */
export async function appendStatusEvent(
  tx: TransactionClient,
  order: TradeOrder,
  event: Exclude<OrderEvent, { type: 'NEW' | 'PARTIALLY_FILLED' | 'FILLED' }>,
): Promise<TradeOrder> {
  const next = transition(orderStateOf(order), event);
  if (!next.ok) throw new Error(`Order ${order.id}: ${next.reason}`);
  await tx.tradeEvent.create({
    data: {
      portfolioId: order.portfolioId,
      orderId: order.id,
      type: event.type,
      reason: 'reason' in event ? event.reason : null,
    },
  });
  const updated = await tx.tradeOrder.update({
    where: { id: order.id },
    // quantity: CLOSED settles it to what the exchange filled.
    data: { status: next.state.status, reason: next.state.reason, quantity: next.state.quantity },
  });
  await announceOrder(tx, updated);
  return updated;
}

/**
 * A live order's cancel the exchange could not confirm yet (it has not seen the order, or could not be
 * reached): recorded once, as an event for the audit trail (it changes no state) and on the row, for the sync.
 */
export async function recordCancelRequest(tx: TransactionClient, order: TradeOrder): Promise<TradeOrder> {
  if (order.cancelRequestedAt) return order;
  await tx.tradeEvent.create({
    data: { portfolioId: order.portfolioId, orderId: order.id, type: 'CANCEL_REQUESTED' },
  });
  const updated = await tx.tradeOrder.update({
    where: { id: order.id },
    data: { cancelRequestedAt: new Date() },
  });
  await announceOrder(tx, updated);
  return updated;
}

/** A position's stored venue: "" for paper, else the exchange account holding it. */
export const positionVenue = (exchangeAccountId: string | null): string => exchangeAccountId ?? '';

/** One position per instrument per venue: the paper portfolio and each exchange account hold their own. */
export function positionKey(portfolioId: string, instrumentId: string, exchangeAccountId: string | null) {
  return {
    portfolioId_instrumentId_venue: { portfolioId, instrumentId, venue: positionVenue(exchangeAccountId) },
  };
}

export type FillOutcome =
  | { applied: true; order: TradeOrder }
  | { applied: false; reason: 'DUPLICATE' | 'ILLEGAL'; order: TradeOrder };

/** Cash moves in INR paise: a buy pays notional and fee, a sell receives notional less fee. */
export function cashEffectMinor(
  symbol: string,
  side: string,
  quantity: Prisma.Decimal,
  price: Prisma.Decimal,
  feeMinor: bigint,
) {
  const notional = toInrMinor(symbol, quantity.mul(price));
  return (side === 'BUY' ? -notional : notional) - feeMinor;
}

/**
 * Applies one fill once: a trade id seen before is a duplicate and changes nothing (the unique
 * index on trade_event.trade_id decides, so concurrent reports of one fill cannot both land).
 */
export async function recordFill(
  tx: TransactionClient,
  order: TradeOrder,
  fill: ExchangeFill,
  feeMinor = 0n,
): Promise<FillOutcome> {
  const state = orderStateOf(order);
  const type = fillTypeFor(state, fill.quantity);
  const next = transition(state, { type, quantity: fill.quantity, price: fill.price });
  if (!next.ok) return { applied: false, reason: 'ILLEGAL', order };
  const key = positionKey(order.portfolioId, fill.instrumentId, order.exchangeAccountId);
  const current = (await tx.position.findUnique({ where: key })) ?? flatPosition();
  const { position, realized } = applyFill(current, { side: order.side as 'BUY' | 'SELL', ...fill });
  const inserted = await tx.tradeEvent.createMany({
    data: [
      {
        portfolioId: order.portfolioId,
        orderId: order.id,
        type,
        tradeId: fill.tradeId,
        symbol: order.symbol,
        instrumentId: fill.instrumentId,
        side: order.side,
        quantity: fill.quantity,
        price: fill.price,
        feeMinor,
        realizedPnl: realized,
        exchangeAccountId: order.exchangeAccountId,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return { applied: false, reason: 'DUPLICATE', order };
  const values = {
    symbol: order.symbol,
    quantity: position.quantity,
    averagePrice: position.averagePrice,
    realizedPnl: position.realizedPnl,
  };
  const saved = await tx.position.upsert({
    where: key,
    create: { ...key.portfolioId_instrumentId_venue, ...values, exchangeAccountId: order.exchangeAccountId },
    update: values,
  });
  // Paper cash only: a live order's money moves on the exchange, not in the paper portfolio.
  if (order.exchangeAccountId === null) {
    await tx.portfolio.update({
      where: { id: order.portfolioId },
      data: {
        cashMinor: {
          increment: cashEffectMinor(order.symbol, order.side, fill.quantity, fill.price, feeMinor),
        },
      },
    });
  }
  const updated = await tx.tradeOrder.update({
    where: { id: order.id },
    data: {
      status: next.state.status,
      filledQuantity: next.state.filledQuantity,
      averageFillPrice: next.state.averageFillPrice,
    },
  });
  await announceOrder(tx, updated);
  await announcePosition(tx, order.userId, saved.id);
  return { applied: true, order: updated };
}
