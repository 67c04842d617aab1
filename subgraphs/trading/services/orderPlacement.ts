import type { TransactionClient } from '../../../platform/prisma';
import { Prisma } from '../../../platform/prisma';
import type { Portfolio, TradeOrder } from '../../../platform/prisma/generated/client';
import { toInrMinor } from '../domain/paperFx';
import { preTradeRejection } from '../domain/preTradeRisk';
import type { ExchangeFill } from '../exchange/exchangeAdapter';
import type { OrderRequest } from './orderInput';
import { appendStatusEvent, lockPortfolio, positionKey, recordFill } from './orderLedger';
import { announceOrder } from './liveUpdates';
import { openPortfolio } from './portfolios';
import type { TradingServiceDeps } from './tradingDeps';

export interface OrderOwner {
  userId: string;
  kyc: string | undefined;
}

export interface OrderOrigin {
  followId: string;
  signalId: string;
}

export async function lockedPortfolioOf(tx: TransactionClient, userId: string): Promise<Portfolio> {
  await openPortfolio(tx, userId);
  const portfolio = await tx.portfolio.findUniqueOrThrow({ where: { userId } });
  await lockPortfolio(tx, portfolio.id);
  // Re-read under the lock: cash may have moved while we waited for it.
  return tx.portfolio.findUniqueOrThrow({ where: { id: portfolio.id } });
}

const startOfUtcDay = () => new Date(new Date().toISOString().slice(0, 10));

/** Today's realized PnL of one venue: the paper portfolio (accountId null) or one exchange account. */
async function realizedTodayMinor(
  tx: TransactionClient,
  portfolioId: string,
  exchangeAccountId: string | null,
): Promise<bigint> {
  const fills = await tx.tradeEvent.findMany({
    where: {
      portfolioId,
      exchangeAccountId,
      realizedPnl: { not: null },
      occurredAt: { gte: startOfUtcDay() },
    },
    select: { symbol: true, realizedPnl: true },
  });
  return fills.reduce((sum, fill) => sum + toInrMinor(fill.symbol ?? '', fill.realizedPnl!), 0n);
}

export function feeFor(deps: TradingServiceDeps, symbol: string, fill: ExchangeFill): bigint {
  if (deps.feeBps === 0) return 0n;
  return toInrMinor(symbol, fill.quantity.mul(fill.price).mul(deps.feeBps).div(10_000));
}

/**
 * Creates the order and its NEW event, runs pre-trade risk (REJECTED with the reason, stored),
 * then hands it to the exchange, all in the caller's transaction under the portfolio lock.
 */
export async function placeOrderInTransaction(
  tx: TransactionClient,
  deps: TradingServiceDeps,
  owner: OrderOwner,
  request: OrderRequest,
  origin: OrderOrigin | null = null,
): Promise<TradeOrder> {
  const portfolio = await lockedPortfolioOf(tx, owner.userId);
  let order = await tx.tradeOrder.create({
    data: {
      portfolioId: portfolio.id,
      userId: owner.userId,
      clientOrderId: request.clientOrderId,
      inputHash: request.inputHash,
      symbol: request.symbol,
      side: request.side,
      type: request.type,
      quantity: request.quantity,
      limitPrice: request.limitPrice,
      stopPrice: request.stopPrice,
      exchangeAccountId: request.exchangeAccountId,
      status: 'NEW',
      followId: origin?.followId ?? null,
      signalId: origin?.signalId ?? null,
    },
  });
  const tick = deps.ticks.latest(request.symbol);
  await tx.tradeEvent.create({
    data: {
      portfolioId: portfolio.id,
      orderId: order.id,
      type: 'NEW',
      symbol: request.symbol,
      // The instrument the symbol names (from the market feed): a live order's fills are kept under it.
      instrumentId: tick?.instrumentId ?? null,
      side: request.side,
      quantity: request.quantity,
    },
  });
  // Limits apply per venue: the paper portfolio and each exchange account on their own holdings and losses.
  const held = await tx.position.findMany({
    where: {
      portfolioId: portfolio.id,
      symbol: request.symbol,
      exchangeAccountId: request.exchangeAccountId,
    },
  });
  const reason = preTradeRejection(
    {
      symbol: request.symbol,
      side: request.side,
      quantity: request.quantity,
      referencePrice:
        request.type === 'MARKET' ? (tick?.price ?? null) : (request.limitPrice ?? request.stopPrice),
      killSwitch: portfolio.killSwitch,
      liveAccount: request.exchangeAccountId !== null,
      kyc: owner.kyc,
      cashMinor: portfolio.cashMinor,
      heldQuantity: held.reduce((sum, position) => sum.add(position.quantity), new Prisma.Decimal(0)),
      realizedTodayMinor: await realizedTodayMinor(tx, portfolio.id, request.exchangeAccountId),
    },
    deps.limits,
  );
  if (reason) return appendStatusEvent(tx, order, { type: 'REJECTED', reason });
  // Live: stays NEW; it is sent after this transaction commits (services/liveOrders).
  if (request.exchangeAccountId !== null) {
    // Its fills will be kept under the instrument the tick named (trading learns instruments only from
    // ticks): without one, refused as a paper market order is, not filled into a position of no instrument.
    if (!tick)
      return appendStatusEvent(tx, order, {
        type: 'REJECTED',
        reason: `No market price for ${request.symbol} yet: no tick has arrived`,
      });
    await announceOrder(tx, order);
    return order;
  }
  const submission = deps.exchange.submit(order, tick);
  if (submission.kind === 'rejected')
    return appendStatusEvent(tx, order, { type: 'REJECTED', reason: submission.reason });
  order = await appendStatusEvent(tx, order, { type: 'ACCEPTED' });
  for (const fill of submission.fills) order = await fillOrCancel(tx, deps, order, fill);
  return order;
}

/**
 * A resting order can outlive the cash or holdings it was checked against: at fill time it is
 * canceled with the reason instead of overdrawing cash or selling short.
 */
export async function fillOrCancel(
  tx: TransactionClient,
  deps: TradingServiceDeps,
  order: TradeOrder,
  fill: ExchangeFill,
): Promise<TradeOrder> {
  const fee = feeFor(deps, order.symbol, fill);
  const portfolio = await tx.portfolio.findUniqueOrThrow({ where: { id: order.portfolioId } });
  if (
    order.side === 'BUY' &&
    toInrMinor(order.symbol, fill.quantity.mul(fill.price)) + fee > portfolio.cashMinor
  ) {
    return appendStatusEvent(tx, order, {
      type: 'CANCELED',
      reason: 'Insufficient cash when the order would have filled',
    });
  }
  if (order.side === 'SELL') {
    const position = await tx.position.findUnique({
      where: positionKey(order.portfolioId, fill.instrumentId, order.exchangeAccountId),
    });
    if (!position || position.quantity.lt(fill.quantity)) {
      return appendStatusEvent(tx, order, {
        type: 'CANCELED',
        reason: 'Not enough held when the order would have filled',
      });
    }
  }
  return (await recordFill(tx, order, fill, fee)).order;
}
