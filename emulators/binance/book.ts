import { Prisma } from '../../platform/prisma';

/** Binance spot's order statuses (the subset this server produces). */
export type BinanceOrderStatus = 'NEW' | 'PARTIALLY_FILLED' | 'FILLED' | 'CANCELED';

export type BinanceOrderType =
  'MARKET' | 'LIMIT' | 'STOP_LOSS' | 'STOP_LOSS_LIMIT' | 'TAKE_PROFIT' | 'TAKE_PROFIT_LIMIT';
export const ORDER_TYPES: readonly BinanceOrderType[] = [
  'MARKET',
  'LIMIT',
  'STOP_LOSS',
  'STOP_LOSS_LIMIT',
  'TAKE_PROFIT',
  'TAKE_PROFIT_LIMIT',
];

/** A spot market and its LOT_SIZE filter (default step and minimum 0.00001, maximum 9000). */
export interface BinanceMarket {
  symbol: string;
  baseAsset: string;
  quoteAsset: string;
  stepSize?: string;
  minQty?: string;
}

export interface BinanceOrder {
  symbol: string;
  orderId: number;
  clientOrderId: string;
  side: 'BUY' | 'SELL';
  type: BinanceOrderType;
  price: Prisma.Decimal;
  /** Stop types: the trigger; zero otherwise. */
  stopPrice: Prisma.Decimal;
  /** Stop types start untriggered; then they work as a market (or limit) order. */
  triggered: boolean;
  origQty: Prisma.Decimal;
  executedQty: Prisma.Decimal;
  quoteQty: Prisma.Decimal;
  status: BinanceOrderStatus;
  time: number;
  updateTime: number;
}

export interface BinanceTrade {
  symbol: string;
  id: number;
  orderId: number;
  price: Prisma.Decimal;
  qty: Prisma.Decimal;
  quoteQty: Prisma.Decimal;
  commission: Prisma.Decimal;
  commissionAsset: string;
  time: number;
  isBuyer: boolean;
}

export class BinanceApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const ZERO = new Prisma.Decimal(0);
const isLimitType = (type: BinanceOrderType) => type.endsWith('LIMIT');
const isStopType = (type: BinanceOrderType) => type !== 'MARKET' && type !== 'LIMIT';

/** Binance's rule: a STOP_LOSS triggers against the position (buy above, sell below), TAKE_PROFIT with it. */
function stopHit(order: Pick<BinanceOrder, 'type' | 'side' | 'stopPrice'>, last: Prisma.Decimal) {
  const rising = order.type.startsWith('STOP_LOSS') === (order.side === 'BUY');
  return rising ? last.gte(order.stopPrice) : last.lte(order.stopPrice);
}

/**
 * One account's orders on a toy spot market: a last price per symbol; market orders fill at it, limit
 * orders when it crosses their price. `fillCap` makes every match fill at most that much (partial fills).
 */
export function createBinanceBook(markets: BinanceMarket[]) {
  const orders: BinanceOrder[] = [];
  const trades: BinanceTrade[] = [];
  const prices = new Map<string, Prisma.Decimal>();
  const balances = new Map<string, Prisma.Decimal>();
  let nextOrderId = 1000;
  let nextTradeId = 5000;
  let fillCap: Prisma.Decimal | null = null;
  let quantityRounding: Prisma.Decimal | null = null;
  const marketOf = (symbol: string) => {
    const market = markets.find((m) => m.symbol === symbol);
    if (!market) throw new BinanceApiError(400, -1121, 'Invalid symbol.');
    return market;
  };

  function match(order: BinanceOrder, now: number): void {
    const last = prices.get(order.symbol);
    if (!last || order.status === 'FILLED' || order.status === 'CANCELED') return;
    if (!order.triggered) {
      if (!stopHit(order, last)) return;
      order.triggered = true;
    }
    const crosses =
      !isLimitType(order.type) || (order.side === 'BUY' ? last.lte(order.price) : last.gte(order.price));
    if (!crosses) return;
    const remaining = order.origQty.sub(order.executedQty);
    const qty = fillCap && fillCap.lt(remaining) ? fillCap : remaining;
    const market = marketOf(order.symbol);
    const quote = qty.mul(last);
    const sign = order.side === 'BUY' ? 1 : -1;
    balances.set(market.baseAsset, (balances.get(market.baseAsset) ?? ZERO).add(qty.mul(sign)));
    balances.set(market.quoteAsset, (balances.get(market.quoteAsset) ?? ZERO).sub(quote.mul(sign)));
    trades.push({
      symbol: order.symbol,
      id: nextTradeId++,
      orderId: order.orderId,
      price: last,
      qty,
      quoteQty: quote,
      commission: ZERO,
      commissionAsset: market.quoteAsset,
      time: now,
      isBuyer: order.side === 'BUY',
    });
    order.executedQty = order.executedQty.add(qty);
    order.quoteQty = order.quoteQty.add(quote);
    order.status = order.executedQty.eq(order.origQty) ? 'FILLED' : 'PARTIALLY_FILLED';
    order.updateTime = now;
  }

  return {
    orders,
    trades,
    balances,
    setFillCap(cap: string | null) {
      fillCap = cap === null ? null : new Prisma.Decimal(cap);
    },
    /**
     * Like a venue that truncates quantities to a step coarser than the LOT_SIZE it lists, instead of
     * refusing them: the order is taken (and closed) for less than was asked. Null: off.
     */
    setQuantityRounding(step: string | null) {
      quantityRounding = step === null ? null : new Prisma.Decimal(step);
    },
    /** A new last price: resting orders it crosses fill (once per call, up to the cap). */
    setPrice(symbol: string, price: string) {
      prices.set(symbol, new Prisma.Decimal(price));
      const now = Date.now();
      for (const order of orders) if (order.symbol === symbol) match(order, now);
    },
    place(input: {
      symbol: string;
      side: string;
      type: string;
      quantity: string;
      price?: string;
      stopPrice?: string;
      newClientOrderId: string;
    }): BinanceOrder {
      const market = marketOf(input.symbol);
      if (orders.some((o) => o.clientOrderId === input.newClientOrderId)) {
        throw new BinanceApiError(400, -2010, 'Duplicate order sent.');
      }
      const type = ORDER_TYPES.find((t) => t === input.type);
      if ((input.side !== 'BUY' && input.side !== 'SELL') || !type)
        throw new BinanceApiError(400, -1116, 'Invalid orderType.');
      let qty = new Prisma.Decimal(input.quantity);
      const limit = isLimitType(type) ? new Prisma.Decimal(input.price ?? '0') : ZERO;
      const stop = isStopType(type) ? new Prisma.Decimal(input.stopPrice ?? '0') : ZERO;
      if (!qty.gt(0) || (isLimitType(type) && !limit.gt(0)) || (isStopType(type) && !stop.gt(0)))
        throw new BinanceApiError(400, -1013, 'Invalid quantity.');
      const step = new Prisma.Decimal(market.stepSize ?? '0.00001');
      if (qty.lt(market.minQty ?? '0.00001') || qty.gt(9000) || !qty.mod(step).isZero())
        throw new BinanceApiError(400, -1013, 'Filter failure: LOT_SIZE');
      if (quantityRounding) qty = qty.div(quantityRounding).floor().mul(quantityRounding);
      const last = prices.get(input.symbol);
      if (isStopType(type) && last && stopHit({ type, side: input.side, stopPrice: stop }, last))
        throw new BinanceApiError(400, -2010, 'Order would trigger immediately.');
      const reference = isLimitType(type) ? limit : isStopType(type) ? stop : last;
      if (!reference) throw new BinanceApiError(400, -1013, 'Market is closed.');
      const [asset, needed] =
        input.side === 'BUY' ? [market.quoteAsset, qty.mul(reference)] : [market.baseAsset, qty];
      if ((balances.get(asset) ?? ZERO).lt(needed)) {
        throw new BinanceApiError(400, -2010, 'Account has insufficient balance for requested action.');
      }
      const now = Date.now();
      const order: BinanceOrder = {
        symbol: input.symbol,
        orderId: nextOrderId++,
        clientOrderId: input.newClientOrderId,
        side: input.side,
        type,
        price: limit,
        stopPrice: stop,
        triggered: !isStopType(type),
        origQty: qty,
        executedQty: ZERO,
        quoteQty: ZERO,
        status: 'NEW',
        time: now,
        updateTime: now,
      };
      orders.push(order);
      match(order, now);
      return order;
    },
    find(symbol: string, orderId?: string, clientOrderId?: string): BinanceOrder {
      const order = orders.find(
        (o) =>
          o.symbol === symbol &&
          (orderId ? String(o.orderId) === orderId : o.clientOrderId === clientOrderId),
      );
      if (!order) throw new BinanceApiError(400, -2013, 'Order does not exist.');
      return order;
    },
    cancel(order: BinanceOrder): BinanceOrder {
      if (order.status === 'FILLED' || order.status === 'CANCELED') {
        throw new BinanceApiError(400, -2011, 'Unknown order sent.');
      }
      order.status = 'CANCELED';
      order.updateTime = Date.now();
      return order;
    },
  };
}

export type BinanceBook = ReturnType<typeof createBinanceBook>;
