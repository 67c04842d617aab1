import type { Prisma } from '../../../platform/prisma';
import type { Tick } from './marketTicks';

/** What an exchange needs to know about an order to work it. */
export interface OrderTerms {
  id: string;
  symbol: string;
  side: string;
  type: string;
  quantity: Prisma.Decimal;
  filledQuantity: Prisma.Decimal;
  limitPrice: Prisma.Decimal | null;
  stopPrice: Prisma.Decimal | null;
}

export interface ExchangeFill {
  /** Unique per venue: the trade_event unique index drops a fill reported twice. */
  tradeId: string;
  quantity: Prisma.Decimal;
  price: Prisma.Decimal;
  instrumentId: string;
}

export type Submission = { kind: 'accepted'; fills: ExchangeFill[] } | { kind: 'rejected'; reason: string };

/**
 * One venue. The paper exchange is the default and the only one built; a live adapter (CCXT) would
 * submit over HTTP and report fills asynchronously, through the same recordFill path.
 */
export interface ExchangeAdapter {
  readonly venue: string;
  /** Called once the order passed pre-trade risk; may fill at once. */
  submit(order: OrderTerms, lastTick: Tick | null): Submission;
  /** Fills for a resting order that this tick triggers (none when it does not cross). */
  onTick(order: OrderTerms, tick: Tick): ExchangeFill[];
}
