import type { ExchangeAdapter, ExchangeFill, OrderTerms } from './exchangeAdapter';
import type { Tick } from './marketTicks';

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

/**
 * Fills whole orders at the tick's last price: no order book, no partial fills, no slippage. One
 * fill per order, so its trade id is the order's, and any replay of the same fill is a duplicate.
 */
export function createPaperExchange(): ExchangeAdapter {
  const fillAt = (order: OrderTerms, tick: Tick): ExchangeFill => ({
    tradeId: `paper:${order.id}`,
    quantity: order.quantity.sub(order.filledQuantity),
    price: tick.price,
    instrumentId: tick.instrumentId,
  });
  return {
    venue: 'paper',
    submit(order, lastTick) {
      if (!lastTick) {
        if (order.type === 'MARKET') {
          return { kind: 'rejected', reason: `No market price for ${order.symbol} yet: no tick has arrived` };
        }
        return { kind: 'accepted', fills: [] };
      }
      return { kind: 'accepted', fills: crosses(order, lastTick) ? [fillAt(order, lastTick)] : [] };
    },
    onTick(order, tick) {
      return crosses(order, tick) ? [fillAt(order, tick)] : [];
    },
  };
}
