import fc from 'fast-check';
import { Prisma } from '../../../platform/prisma';
import {
  TERMINAL_STATUSES,
  transition,
  type OrderEvent,
  type OrderState,
  type OrderStatus,
} from './orderStateMachine';

const d = (value: number | string) => new Prisma.Decimal(value);

/** The legal edges, written out independently of the implementation's table. */
const legal = new Set([
  'null>NEW',
  'NEW>ACCEPTED',
  'NEW>REJECTED',
  'NEW>CANCELED',
  'ACCEPTED>PARTIALLY_FILLED',
  'ACCEPTED>FILLED',
  'ACCEPTED>CANCELED',
  'ACCEPTED>EXPIRED',
  'PARTIALLY_FILLED>PARTIALLY_FILLED',
  'PARTIALLY_FILLED>FILLED',
  'PARTIALLY_FILLED>CANCELED',
  'PARTIALLY_FILLED>EXPIRED',
]);

const quantity = fc.integer({ min: 1, max: 1000 }).map((n) => d(n).div(100));
const event: fc.Arbitrary<OrderEvent> = fc.oneof(
  quantity.map((q) => ({ type: 'NEW' as const, quantity: q })),
  fc.constant({ type: 'ACCEPTED' as const }),
  fc
    .tuple(fc.constantFrom('PARTIALLY_FILLED' as const, 'FILLED' as const), quantity, quantity)
    .map(([type, q, price]) => ({ type, quantity: q, price })),
  fc
    .constantFrom('CANCELED' as const, 'REJECTED' as const, 'EXPIRED' as const, 'CLOSED' as const)
    .map((type) => ({ type, reason: 'r' })),
);

describe('order state machine', () => {
  it('never reaches an illegal state, whatever events arrive in whatever order', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        let state: OrderState | null = null;
        for (const next of events) {
          const result = transition(state, next);
          if (!result.ok) continue;
          const from: OrderStatus | null = state?.status ?? null;
          expect(legal.has(`${from}>${result.state.status}`)).toBe(true);
          if (from && TERMINAL_STATUSES.includes(from)) throw new Error(`left terminal ${from}`);
          state = result.state;
          expect(state.filledQuantity.gte(0)).toBe(true);
          expect(state.filledQuantity.lte(state.quantity)).toBe(true);
          expect(state.status === 'FILLED').toBe(state.filledQuantity.eq(state.quantity));
          if (state.filledQuantity.gt(0)) expect(state.averageFillPrice!.gt(0)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('walks NEW → ACCEPTED → PARTIALLY_FILLED → FILLED with a volume-weighted average price', () => {
    let state = transition(null, { type: 'NEW', quantity: d(3) });
    state = state.ok ? transition(state.state, { type: 'ACCEPTED' }) : state;
    state = state.ok
      ? transition(state.state, { type: 'PARTIALLY_FILLED', quantity: d(1), price: d(100) })
      : state;
    state = state.ok ? transition(state.state, { type: 'FILLED', quantity: d(2), price: d(130) }) : state;
    expect(state.ok && state.state.status).toBe('FILLED');
    expect(state.ok && state.state.averageFillPrice!.toFixed()).toBe('120');
  });

  it('refuses overfills, mislabelled fills and anything after a terminal state', () => {
    const accepted: OrderState = {
      status: 'ACCEPTED',
      quantity: d(1),
      filledQuantity: d(0),
      averageFillPrice: null,
      reason: null,
    };
    expect(transition(accepted, { type: 'FILLED', quantity: d(2), price: d(1) })).toEqual({
      ok: false,
      reason: 'fill exceeds the order quantity',
    });
    expect(transition(accepted, { type: 'PARTIALLY_FILLED', quantity: d(1), price: d(1) }).ok).toBe(false);
    expect(
      transition({ ...accepted, status: 'CANCELED' }, { type: 'FILLED', quantity: d(1), price: d(1) }).ok,
    ).toBe(false);
    expect(transition(accepted, { type: 'REJECTED', reason: 'late' }).ok).toBe(false);
    // An exchange closing an order settles it only after a fill: nothing filled is not FILLED.
    expect(transition(accepted, { type: 'CLOSED', reason: 'lot size' }).ok).toBe(false);
  });

  it('settles an order the exchange closed short of its quantity as FILLED at what was filled', () => {
    const partial: OrderState = {
      status: 'PARTIALLY_FILLED',
      quantity: d('0.0125'),
      filledQuantity: d('0.012'),
      averageFillPrice: d(100),
      reason: null,
    };
    const closed = transition(partial, { type: 'CLOSED', reason: 'lot size' });
    expect(closed.ok && closed.state).toMatchObject({ status: 'FILLED', reason: 'lot size' });
    expect(closed.ok && closed.state.quantity.toFixed()).toBe('0.012');
  });
});
