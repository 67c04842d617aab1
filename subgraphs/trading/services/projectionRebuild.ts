import { Prisma, type TransactionClient } from '../../../platform/prisma';
import type { TradeEvent } from '../../../platform/prisma/generated/client';
import { transition, type OrderEvent, type OrderState } from '../domain/orderStateMachine';
import { applyFill, flatPosition, type PositionState } from '../domain/positionMath';
import { cashEffectMinor, lockPortfolio, positionVenue } from './orderLedger';
import { STARTING_CASH_MINOR } from './portfolios';

interface RebuiltPosition extends PositionState {
  instrumentId: string;
  symbol: string;
  /** Null: paper. */
  exchangeAccountId: string | null;
}

export interface RebuiltPortfolio {
  cashMinor: bigint;
  orders: Map<string, OrderState>;
  /** By venue and instrument (see positionKey): paper and each exchange account hold their own. */
  positions: Map<string, RebuiltPosition>;
}

function orderEventOf(event: TradeEvent): OrderEvent {
  const reason = event.reason ?? '';
  switch (event.type) {
    case 'NEW':
      return { type: 'NEW', quantity: event.quantity ?? new Prisma.Decimal(0) };
    case 'PARTIALLY_FILLED':
    case 'FILLED':
      return { type: event.type, quantity: event.quantity!, price: event.price! };
    case 'ACCEPTED':
      return { type: 'ACCEPTED' };
    case 'CANCELED':
    case 'REJECTED':
    case 'EXPIRED':
    case 'CLOSED':
      return { type: event.type, reason };
    default:
      throw new Error(`Unknown order event ${event.type}`);
  }
}

/** Pure fold of a portfolio's events, in sequence order: the definition the projections must match. */
export function foldPortfolioEvents(events: TradeEvent[]): RebuiltPortfolio {
  const rebuilt: RebuiltPortfolio = {
    cashMinor: STARTING_CASH_MINOR,
    orders: new Map(),
    positions: new Map(),
  };
  for (const event of events) {
    if (event.type === 'PORTFOLIO_RESET') {
      // A paper reset: holdings on exchange accounts are not the paper portfolio's to clear.
      rebuilt.cashMinor = STARTING_CASH_MINOR;
      for (const [key, position] of rebuilt.positions)
        if (position.exchangeAccountId === null) rebuilt.positions.delete(key);
      continue;
    }
    // A cancel request is an intent, not a state change.
    if (!event.orderId || event.type === 'CANCEL_REQUESTED') continue;
    const next = transition(rebuilt.orders.get(event.orderId) ?? null, orderEventOf(event));
    // The live path appends only legal events, so an illegal one here means a corrupted log.
    if (!next.ok) throw new Error(`Event ${event.sequence} of order ${event.orderId}: ${next.reason}`);
    rebuilt.orders.set(event.orderId, next.state);
    if ((event.type === 'FILLED' || event.type === 'PARTIALLY_FILLED') && event.instrumentId) {
      const key = `${positionVenue(event.exchangeAccountId)}/${event.instrumentId}`;
      const current = rebuilt.positions.get(key) ?? {
        ...flatPosition(),
        instrumentId: event.instrumentId,
        symbol: event.symbol ?? '',
        exchangeAccountId: event.exchangeAccountId,
      };
      const fill = { side: event.side as 'BUY' | 'SELL', quantity: event.quantity!, price: event.price! };
      rebuilt.positions.set(key, {
        ...applyFill(current, fill).position,
        instrumentId: current.instrumentId,
        symbol: current.symbol,
        exchangeAccountId: current.exchangeAccountId,
      });
      // Live fills move money on the exchange account, not paper cash (as recordFill).
      if (event.exchangeAccountId === null)
        rebuilt.cashMinor += cashEffectMinor(
          event.symbol ?? '',
          fill.side,
          fill.quantity,
          fill.price,
          event.feeMinor ?? 0n,
        );
    }
  }
  return rebuilt;
}

/**
 * Drops and rewrites a portfolio's projections from its events (after a bug fix, or to prove the
 * projections are only a cache). Order terms (symbol, side, prices) are immutable and stay.
 */
export async function rebuildPortfolioProjections(
  tx: TransactionClient,
  portfolioId: string,
): Promise<RebuiltPortfolio> {
  await lockPortfolio(tx, portfolioId);
  const events = await tx.tradeEvent.findMany({ where: { portfolioId }, orderBy: { sequence: 'asc' } });
  const rebuilt = foldPortfolioEvents(events);
  await tx.position.deleteMany({ where: { portfolioId } });
  await tx.position.createMany({
    data: [...rebuilt.positions.values()].map((position) => ({
      portfolioId,
      venue: positionVenue(position.exchangeAccountId),
      ...position,
    })),
  });
  for (const [orderId, state] of rebuilt.orders) {
    await tx.tradeOrder.update({
      where: { id: orderId },
      data: {
        status: state.status,
        quantity: state.quantity,
        filledQuantity: state.filledQuantity,
        averageFillPrice: state.averageFillPrice,
        reason: state.reason,
      },
    });
  }
  await tx.portfolio.update({ where: { id: portfolioId }, data: { cashMinor: rebuilt.cashMinor } });
  return rebuilt;
}
