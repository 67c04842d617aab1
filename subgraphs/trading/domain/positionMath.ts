import { Prisma } from '../../../platform/prisma';

export interface PositionState {
  quantity: Prisma.Decimal;
  averagePrice: Prisma.Decimal;
  realizedPnl: Prisma.Decimal;
}

export interface Fill {
  side: 'BUY' | 'SELL';
  quantity: Prisma.Decimal;
  price: Prisma.Decimal;
}

export const flatPosition = (): PositionState => ({
  quantity: new Prisma.Decimal(0),
  averagePrice: new Prisma.Decimal(0),
  realizedPnl: new Prisma.Decimal(0),
});

/**
 * Long-only spot positions (paper trading sells only what it holds): buys move the average price,
 * sells realise (price - average) per unit and leave the average alone.
 */
export function applyFill(
  position: PositionState,
  fill: Fill,
): { position: PositionState; realized: Prisma.Decimal } {
  if (fill.side === 'BUY') {
    const quantity = position.quantity.add(fill.quantity);
    const cost = position.averagePrice.mul(position.quantity).add(fill.price.mul(fill.quantity));
    return {
      position: { ...position, quantity, averagePrice: cost.div(quantity) },
      realized: new Prisma.Decimal(0),
    };
  }
  const realized = fill.price.sub(position.averagePrice).mul(fill.quantity);
  const quantity = position.quantity.sub(fill.quantity);
  return {
    position: {
      quantity,
      // A closed position starts over at the next buy.
      averagePrice: quantity.isZero() ? new Prisma.Decimal(0) : position.averagePrice,
      realizedPnl: position.realizedPnl.add(realized),
    },
    realized,
  };
}

export function unrealizedPnl(position: PositionState, mark: Prisma.Decimal): Prisma.Decimal {
  return mark.sub(position.averagePrice).mul(position.quantity);
}
