import { Prisma } from '../../../platform/prisma';
import type { ExchangeAdapter, ExchangeFill, OrderTerms } from './exchangeAdapter';
import { isStale, type Tick } from './marketTicks';

const buying = (order: OrderTerms) => order.side === 'BUY';

/** Whether the tick's price crosses the order's trigger, in the direction that matters for its side. */
function crosses(order: OrderTerms, tick: Tick): boolean {
  const limitOk = () =>
    order.limitPrice !== null &&
    (buying(order) ? tick.price.lte(order.limitPrice) : tick.price.gte(order.limitPrice));
  // A buy stop triggers on a rise through the stop, a sell stop on a fall through it.
  const stopHit = () =>
    order.stopPrice !== null &&
    (buying(order) ? tick.price.gte(order.stopPrice) : tick.price.lte(order.stopPrice));
  switch (order.type) {
    case 'MARKET':
      return true;
    case 'LIMIT':
      return limitOk();
    case 'STOP':
      return stopHit();
    case 'STOP_LIMIT':
      // Simplification: the trigger is not remembered between ticks, so both must hold on one tick.
      return stopHit() && limitOk();
    default:
      return false;
  }
}

export interface PaperExchangeOptions {
  /** Market (and triggered stop) fills pay this many basis points beyond the touch: buys above, sells below. */
  slippageBps?: number;
  /** At most this quantity per order per tick (the rest fills on later ticks); null: no cap. */
  maxFillPerTick?: Prisma.Decimal | null;
}

/**
 * Fills against the tick: market and stop orders take the ask (buys) or bid (sells), the last price
 * when the feed has no quote, moved by the configured slippage; limit orders fill at the tick's price,
 * never worse than their limit. With a per-tick cap an order fills in slices (PARTIALLY_FILLED, then
 * FILLED).
 */
export function createPaperExchange(options: PaperExchangeOptions = {}): ExchangeAdapter {
  const slippage = new Prisma.Decimal(options.slippageBps ?? 0).div(10_000);
  const priceFor = (order: OrderTerms, tick: Tick): Prisma.Decimal => {
    if (order.type === 'LIMIT' || order.type === 'STOP_LIMIT') return tick.price;
    const touch = (buying(order) ? tick.ask : tick.bid) ?? tick.price;
    const moved = buying(order) ? touch.mul(slippage.add(1)) : touch.mul(new Prisma.Decimal(1).sub(slippage));
    return moved.toDecimalPlaces(10, Prisma.Decimal.ROUND_HALF_UP);
  };
  const fillAt = (order: OrderTerms, tick: Tick): ExchangeFill => {
    const remaining = order.quantity.sub(order.filledQuantity);
    const cap = options.maxFillPerTick;
    const whole = order.filledQuantity.isZero() && !(cap && cap.lt(remaining));
    return {
      // At most one slice per order per tick: the tick's time names it, so the same tick seen again
      // (redelivered, or by both the placing request and the matching consumer) is a duplicate.
      tradeId: whole ? `paper:${order.id}` : `paper:${order.id}:${tick.at.getTime()}`,
      quantity: cap && cap.lt(remaining) ? cap : remaining,
      price: priceFor(order, tick),
      instrumentId: tick.instrumentId,
    };
  };
  return {
    venue: 'paper',
    submit(order, lastTick) {
      // A stale quote is no price: a market order is refused, a resting one waits for a fresh tick.
      if (lastTick && isStale(lastTick)) {
        if (order.type === 'MARKET') {
          const at = lastTick.at.toISOString();
          return { kind: 'rejected', reason: `Market price for ${order.symbol} is stale (quoted at ${at})` };
        }
        return { kind: 'accepted', fills: [] };
      }
      if (!lastTick) {
        if (order.type === 'MARKET') {
          return { kind: 'rejected', reason: `No market price for ${order.symbol} yet: no tick has arrived` };
        }
        return { kind: 'accepted', fills: [] };
      }
      return { kind: 'accepted', fills: crosses(order, lastTick) ? [fillAt(order, lastTick)] : [] };
    },
    onTick(order, tick) {
      return !isStale(tick) && crosses(order, tick) ? [fillAt(order, tick)] : [];
    },
  };
}
