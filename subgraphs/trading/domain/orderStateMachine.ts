import { Prisma } from '../../../platform/prisma';

export type OrderStatus =
  'NEW' | 'ACCEPTED' | 'PARTIALLY_FILLED' | 'FILLED' | 'CANCELED' | 'REJECTED' | 'EXPIRED';

export const TERMINAL_STATUSES: readonly OrderStatus[] = ['FILLED', 'CANCELED', 'REJECTED', 'EXPIRED'];
/** Orders the exchange may still fill or cancel. */
export const OPEN_STATUSES: readonly OrderStatus[] = ['NEW', 'ACCEPTED', 'PARTIALLY_FILLED'];

export type OrderEvent =
  | { type: 'NEW'; quantity: Prisma.Decimal }
  | { type: 'ACCEPTED' }
  | { type: 'PARTIALLY_FILLED' | 'FILLED'; quantity: Prisma.Decimal; price: Prisma.Decimal }
  | { type: 'CANCELED' | 'REJECTED' | 'EXPIRED'; reason: string }
  /**
   * The exchange closed a partially filled order with less than was asked (it rounded the quantity to its
   * lot size): the order is FILLED at what was filled, its quantity settled to that.
   */
  | { type: 'CLOSED'; reason: string };

export interface OrderState {
  status: OrderStatus;
  quantity: Prisma.Decimal;
  filledQuantity: Prisma.Decimal;
  /** Volume-weighted over the fills; null before the first. */
  averageFillPrice: Prisma.Decimal | null;
  reason: string | null;
}

export type Transition = { ok: true; state: OrderState } | { ok: false; reason: string };

/** Which statuses each event may leave from. A fill's type must also match where it leads (below). */
const allowedFrom: Record<OrderEvent['type'], readonly (OrderStatus | null)[]> = {
  NEW: [null],
  ACCEPTED: ['NEW'],
  PARTIALLY_FILLED: ['ACCEPTED', 'PARTIALLY_FILLED'],
  FILLED: ['ACCEPTED', 'PARTIALLY_FILLED'],
  CANCELED: ['NEW', 'ACCEPTED', 'PARTIALLY_FILLED'],
  REJECTED: ['NEW'],
  EXPIRED: ['ACCEPTED', 'PARTIALLY_FILLED'],
  CLOSED: ['PARTIALLY_FILLED'],
};

const refuse = (reason: string): Transition => ({ ok: false, reason });

/**
 * The one place order states change: pure, so the live path, the rebuild from events and the
 * property test all run the same rules.
 */
export function transition(state: OrderState | null, event: OrderEvent): Transition {
  if (!allowedFrom[event.type].includes(state?.status ?? null)) {
    return refuse(`${event.type} is not allowed from ${state?.status ?? 'no order'}`);
  }
  switch (event.type) {
    case 'NEW':
      if (!event.quantity.gt(0)) return refuse('quantity must be positive');
      return {
        ok: true,
        state: {
          status: 'NEW',
          quantity: event.quantity,
          filledQuantity: new Prisma.Decimal(0),
          averageFillPrice: null,
          reason: null,
        },
      };
    case 'ACCEPTED':
      return { ok: true, state: { ...state!, status: 'ACCEPTED' } };
    case 'PARTIALLY_FILLED':
    case 'FILLED': {
      const current = state!;
      if (!event.quantity.gt(0) || !event.price.gt(0))
        return refuse('a fill needs a positive quantity and price');
      const filled = current.filledQuantity.add(event.quantity);
      if (filled.gt(current.quantity)) return refuse('fill exceeds the order quantity');
      const complete = filled.eq(current.quantity);
      if (complete !== (event.type === 'FILLED')) {
        return refuse(
          complete ? 'a fill that completes the order is FILLED' : 'a partial fill is PARTIALLY_FILLED',
        );
      }
      const previousCost = current.averageFillPrice?.mul(current.filledQuantity) ?? new Prisma.Decimal(0);
      return {
        ok: true,
        state: {
          ...current,
          status: event.type,
          filledQuantity: filled,
          averageFillPrice: previousCost.add(event.price.mul(event.quantity)).div(filled),
        },
      };
    }
    case 'CANCELED':
    case 'REJECTED':
    case 'EXPIRED':
      return { ok: true, state: { ...state!, status: event.type, reason: event.reason } };
    case 'CLOSED':
      return {
        ok: true,
        state: { ...state!, status: 'FILLED', quantity: state!.filledQuantity, reason: event.reason },
      };
  }
}

/** The fill type that `quantity` more would be for this order. */
export function fillTypeFor(state: OrderState, quantity: Prisma.Decimal): 'PARTIALLY_FILLED' | 'FILLED' {
  return state.filledQuantity.add(quantity).gte(state.quantity) ? 'FILLED' : 'PARTIALLY_FILLED';
}
