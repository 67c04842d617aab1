import type { GatewayEvent } from './store';
import { createRazorpayStore } from './store';
import { CHARGE_ATTEMPTS_BEFORE_HALT, createSubscriptionStore } from './subscriptionStore';

// Our Razorpay server's Subscriptions API: what each test-clock step charges and announces.
function setup() {
  const events: GatewayEvent[] = [];
  const store = createRazorpayStore((event) => events.push(event));
  const subscriptions = createSubscriptionStore(store, (event) => events.push(event));
  const plan = subscriptions.createPlan({
    period: 'monthly',
    interval: 1,
    item: { name: 'Premium', amount: 299_900, currency: 'INR' },
  });
  const sub = subscriptions.create({ plan_id: plan.id, total_count: 3 });
  const names = () => events.splice(0).map((e) => e.event);
  return { store, subscriptions, plan, sub, names };
}

describe('Razorpay-compatible subscriptions', () => {
  it('charges the first cycle on authorisation and each later cycle back to back', () => {
    const { subscriptions, sub, names, store } = setup();
    expect(sub).toMatchObject({ status: 'created', paid_count: 0, remaining_count: 3, current_start: null });
    subscriptions.authenticate(sub.id);
    expect(names()).toEqual(['subscription.authenticated', 'subscription.activated', 'subscription.charged']);
    const firstEnd = sub.current_end!;
    const start = new Date(sub.current_start! * 1000);
    start.setUTCMonth(start.getUTCMonth() + 1);
    expect(firstEnd).toBe(start.getTime() / 1000);
    subscriptions.chargeCycle(sub.id);
    expect(names()).toEqual(['subscription.charged']);
    expect([sub.current_start, sub.paid_count, sub.remaining_count]).toEqual([firstEnd, 2, 1]);
    const charged = [...store.payments.values()];
    expect(charged.map((p) => [p.status, p.amount, p.captured])).toEqual([
      ['captured', 299_900, true],
      ['captured', 299_900, true],
    ]);
    expect(charged.every((p) => p.invoice_id?.startsWith('inv_'))).toBe(true);
    subscriptions.chargeCycle(sub.id);
    expect(names()).toEqual(['subscription.charged', 'subscription.completed']);
    expect(sub.status).toBe('completed');
  });

  it('retries a failed cycle, halts after the last attempt and recovers on a paid retry', () => {
    const { subscriptions, sub, names } = setup();
    subscriptions.authenticate(sub.id);
    names();
    const owed = sub.current_end;
    for (let attempt = 1; attempt < CHARGE_ATTEMPTS_BEFORE_HALT; attempt += 1) {
      subscriptions.chargeCycle(sub.id, { fail: true });
      expect(names()).toEqual(['payment.failed', 'subscription.pending']);
      expect([sub.status, sub.auth_attempts]).toEqual(['pending', attempt]);
    }
    subscriptions.chargeCycle(sub.id, { fail: true });
    expect(names()).toEqual(['payment.failed', 'subscription.halted']);
    subscriptions.chargeCycle(sub.id);
    expect(names()).toEqual(['subscription.activated', 'subscription.charged']);
    expect([sub.status, sub.auth_attempts, sub.current_start]).toEqual(['active', 0, owed]);
  });

  it('cancels at the cycle end, and schedules a plan change for it', () => {
    const { subscriptions, sub, names } = setup();
    subscriptions.authenticate(sub.id);
    const enterprise = subscriptions.createPlan({
      period: 'monthly',
      interval: 1,
      item: { name: 'Enterprise', amount: 999_900, currency: 'INR' },
    });
    subscriptions.update(sub.id, { plan_id: enterprise.id, schedule_change_at: 'cycle_end' });
    expect([sub.plan_id === enterprise.id, sub.has_scheduled_changes]).toEqual([false, true]);
    subscriptions.chargeCycle(sub.id);
    expect(sub.plan_id).toBe(enterprise.id);
    names();
    subscriptions.cancel(sub.id, { cancel_at_cycle_end: 1 });
    // has_scheduled_changes is about plan updates (Cancel an Update); a cancellation is not one.
    expect([sub.status, sub.has_scheduled_changes]).toEqual(['active', false]);
    expect(names()).toEqual([]);
    // Real API: cancel_scheduled_changes drops only a pending update, never a scheduled cancellation.
    expect(() => subscriptions.cancelScheduledChanges(sub.id)).toThrow('does not have any scheduled changes');
    subscriptions.chargeCycle(sub.id);
    expect(names()).toEqual(['subscription.cancelled']);
    expect([sub.status, sub.ended_at]).toEqual(['cancelled', sub.current_end]);
    expect(() => subscriptions.chargeCycle(sub.id)).toThrow('nothing to charge');
  });
});
