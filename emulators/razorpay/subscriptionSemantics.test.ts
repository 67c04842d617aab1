import { unixNow } from './entities';
import { createSettlementStore } from './settlements';
import type { GatewayEvent } from './store';
import { createRazorpayStore } from './store';
import { createSubscriptionStore } from './subscriptionStore';

// Our Razorpay server follows the documented Subscriptions semantics: start_at, Cancel an Update,
// pause/resume (no charges while paused), and settlements with their recon rows.
function setup() {
  const events: GatewayEvent[] = [];
  const store = createRazorpayStore((event) => events.push(event));
  const subscriptions = createSubscriptionStore(store, (event) => events.push(event));
  const plan = subscriptions.createPlan({
    period: 'monthly',
    interval: 1,
    item: { name: 'Premium', amount: 299_900, currency: 'INR' },
  });
  const names = () => events.splice(0).map((e) => e.event);
  return { store, subscriptions, plan, names };
}

describe('Razorpay-compatible subscription semantics', () => {
  it('a subscription with start_at is authorised now and first charged at start_at', () => {
    const { subscriptions, plan, names, store } = setup();
    expect(() =>
      subscriptions.create({ plan_id: plan.id, total_count: 3, start_at: unixNow() - 10 }),
    ).toThrow('start_at should be a future timestamp');
    const startAt = unixNow() + 10 * 86_400;
    const sub = subscriptions.create({ plan_id: plan.id, total_count: 3, start_at: startAt });
    subscriptions.authenticate(sub.id);
    expect(names()).toEqual(['subscription.authenticated']);
    expect([sub.status, sub.paid_count, store.payments.size]).toEqual(['authenticated', 0, 0]);
    subscriptions.chargeCycle(sub.id);
    expect(names()).toEqual(['subscription.activated', 'subscription.charged']);
    expect([sub.status, sub.current_start, sub.paid_count]).toEqual(['active', startAt, 1]);
  });

  it('cancel_scheduled_changes drops a scheduled plan update but the cycle-end cancellation stays', () => {
    const { subscriptions, plan, names } = setup();
    const sub = subscriptions.create({ plan_id: plan.id, total_count: 6 });
    subscriptions.authenticate(sub.id);
    const cheaper = subscriptions.createPlan({
      period: 'monthly',
      interval: 1,
      item: { name: 'Basic', amount: 99_900, currency: 'INR' },
    });
    subscriptions.update(sub.id, { plan_id: cheaper.id, schedule_change_at: 'cycle_end' });
    subscriptions.cancel(sub.id, { cancel_at_cycle_end: 1 });
    subscriptions.cancelScheduledChanges(sub.id);
    expect([sub.plan_id, sub.has_scheduled_changes]).toEqual([plan.id, false]);
    names();
    subscriptions.chargeCycle(sub.id);
    expect(names()).toEqual(['subscription.cancelled']);
    expect(() => subscriptions.cancel(sub.id, {})).toThrow('not cancellable in cancelled status');
  });

  it('a paused subscription is charged nothing; resuming charges the next cycle', () => {
    const { subscriptions, plan, names, store } = setup();
    const sub = subscriptions.create({ plan_id: plan.id, total_count: 6 });
    expect(() => subscriptions.resume(sub.id, {})).toThrow('Only paused subscriptions');
    subscriptions.authenticate(sub.id);
    const end = sub.current_end!;
    names();
    subscriptions.pause(sub.id, { pause_at: 'now' });
    expect([sub.status, sub.charge_at]).toEqual(['paused', null]);
    expect(() => subscriptions.chargeCycle(sub.id)).toThrow('Subscription is paused: nothing to charge');
    expect(store.payments.size).toBe(1);
    subscriptions.resume(sub.id, { resume_at: 'now' });
    subscriptions.chargeCycle(sub.id);
    expect(names()).toEqual(['subscription.paused', 'subscription.resumed', 'subscription.charged']);
    expect([sub.status, sub.current_start, store.payments.size]).toEqual(['active', end, 2]);
  });

  it('pausing a subscription that has not started cancels it, as Razorpay documents', () => {
    const { subscriptions, plan, names } = setup();
    const sub = subscriptions.create({ plan_id: plan.id, total_count: 6, start_at: unixNow() + 86_400 });
    subscriptions.authenticate(sub.id);
    names();
    subscriptions.pause(sub.id, {});
    expect([sub.status, names()]).toEqual(['cancelled', ['subscription.cancelled']]);
  });

  it('settles captured payments less fees and refunds, with one recon row each', () => {
    const { store } = setup();
    const settlements = createSettlementStore(store);
    expect(settlements.settle()).toBeNull();
    const paid = store.pay(store.createOrder({ amount: 2_400_000, payment_capture: true }).id);
    const other = store.pay(store.createOrder({ amount: 80_000_000, payment_capture: true }).id);
    store.refund(other.id, { amount: 1_000_000 });
    const settlement = settlements.settle()!;
    // fee = 2% + 18% GST on it: 48_000 + 8_640 and 1_600_000 + 288_000.
    expect([paid.fee, other.fee]).toEqual([56_640, 1_888_000]);
    expect(settlement).toMatchObject({
      entity: 'settlement',
      status: 'processed',
      amount: 2_400_000 - 56_640 + 80_000_000 - 1_888_000 - 1_000_000,
      fees: 56_640 + 1_888_000,
      tax: 8_640 + 288_000,
    });
    const today = new Date();
    const query = new URLSearchParams({
      year: String(today.getUTCFullYear()),
      month: String(today.getUTCMonth() + 1),
    });
    const rows = settlements.recon(query);
    expect(
      rows.map((r) => [r.type, r.entity_id === paid.id || r.payment_id === other.id, r.credit, r.debit]),
    ).toEqual([
      ['payment', true, 2_400_000 - 56_640, 0],
      ['payment', true, 80_000_000 - 1_888_000, 0],
      ['refund', true, 0, 1_000_000],
    ]);
    expect(rows.every((r) => r.settlement_id === settlement.id)).toBe(true);
    expect(settlements.settle()).toBeNull();
    expect(settlements.list(new URLSearchParams()).map((s) => s.id)).toEqual([settlement.id]);
  });
});
