import type { Prisma } from '../../../platform/prisma';
import type { ExchangeFill, OrderTerms } from './exchangeAdapter';

/** Decrypted credentials of one connected exchange account; they live only for the call. */
export interface LiveAccount {
  id: string;
  exchange: string;
  apiKey: string;
  secret: string;
}

export type LiveOrderStatus = 'OPEN' | 'FILLED' | 'CANCELED' | 'REJECTED' | 'EXPIRED';

/** What the exchange says about one of our orders: its status and every fill so far. */
export interface LiveOrderReport {
  exchangeOrderId: string;
  status: LiveOrderStatus;
  /** What the exchange says it executed: a closed order is settled once our recorded fills reach it. */
  filledQuantity: Prisma.Decimal;
  fills: LiveFill[];
}

/** A fill as the exchange reports it: by symbol. The order's instrument id is ours to attach. */
export type LiveFill = Omit<ExchangeFill, 'instrumentId'> & { feeMinor: bigint };

/** An instrument's quantity rules on the exchange (Binance LOT_SIZE: stepSize, minQty, maxQty). */
export interface LotSize {
  step: Prisma.Decimal | null;
  min: Prisma.Decimal | null;
  max: Prisma.Decimal | null;
}

/** The quantity rounded down to the lot step, or why no quantity near it can be sent. */
export function fitToLot(
  quantity: Prisma.Decimal,
  lot: LotSize,
): { ok: true; quantity: Prisma.Decimal } | { ok: false; reason: string } {
  const rounded = lot.step?.gt(0) ? quantity.div(lot.step).floor().mul(lot.step) : quantity;
  if (!rounded.gt(0) || (lot.min && rounded.lt(lot.min))) {
    return {
      ok: false,
      reason: `quantity ${quantity.toFixed()} is below the exchange's minimum of ${(lot.min ?? lot.step)!.toFixed()}`,
    };
  }
  if (lot.max && rounded.gt(lot.max))
    return {
      ok: false,
      reason: `quantity ${quantity.toFixed()} is above the exchange's maximum of ${lot.max.toFixed()}`,
    };
  return { ok: true, quantity: rounded };
}

export type LivePlacement =
  | { kind: 'placed'; report: LiveOrderReport }
  /** The exchange refused it (final error) or it was never sent: the order is REJECTED. */
  | { kind: 'rejected'; reason: string }
  /** It may or may not exist on the exchange: it stays NEW until a sync finds out. */
  | { kind: 'unknown'; reason: string };

/**
 * A real venue over HTTP, asynchronous (unlike the paper exchange, which fills inside the placing
 * transaction). Every order is sent with our order id as the exchange's client order id, so an order
 * whose placement outcome is unknown is found again by it instead of being placed twice.
 */
export interface LiveExchangeAdapter {
  readonly venue: string;
  supports(exchange: string): boolean;
  /** The symbol's lot size; null when the exchange lists no such market. */
  lotSize(account: LiveAccount, symbol: string): Promise<LotSize | null>;
  /**
   * Sends the order as it is (its quantity must already be on the lot size). `lastPrice` decides whether
   * a stop is a stop-loss or a take-profit on the exchange.
   */
  place(account: LiveAccount, order: OrderTerms, lastPrice: Prisma.Decimal | null): Promise<LivePlacement>;
  /** The order as the exchange knows it by our client order id; null when it has none. */
  fetch(account: LiveAccount, order: OrderTerms): Promise<LiveOrderReport | null>;
  /** Cancels by our client order id; the order as it then stands, or null when the exchange has none. */
  cancel(account: LiveAccount, order: OrderTerms): Promise<LiveOrderReport | null>;
}
