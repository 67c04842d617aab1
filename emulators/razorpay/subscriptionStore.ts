import { RazorpayApiError, notFound } from './apiError';
import { razorpayId, unixNow, type SubscriptionEntity } from './entities';
import type { GatewayEvent, RazorpayStore } from './store';
import { subscriptionChanges } from './subscriptionChanges';
import { advance, createPlanStore, text } from './subscriptionPlans';

/** Charge attempts of one cycle before Razorpay halts the subscription. */
export const CHARGE_ATTEMPTS_BEFORE_HALT = 3;

/**
 * Razorpay's Plans and Subscriptions in memory. Time does not pass by itself: a test plays the
 * customer authorising (`authenticate`) and each cycle's charge attempt (`chargeCycle`), so renewals,
 * failures, retries and halts happen exactly when the test says. A subscription created with a future
 * `start_at` is only authorised by `authenticate`; its first cycle (starting at start_at) is charged by
 * the first `chargeCycle`.
 */
export function createSubscriptionStore(store: RazorpayStore, emit: (event: GatewayEvent) => void) {
  const planStore = createPlanStore();
  const plan = planStore.fetchPlan;
  const subscriptions = new Map<string, SubscriptionEntity>();
  const scheduledPlan = new Map<string, string>();
  const cancelAtCycleEnd = new Set<string>();

  function subscription(id: string): SubscriptionEntity {
    const found = subscriptions.get(id);
    if (!found) throw notFound();
    return found;
  }
  const announce = (event: string, sub: SubscriptionEntity, payment?: object) =>
    emit({
      event,
      payload: { subscription: { entity: { ...sub } }, ...(payment ? { payment: { entity: payment } } : {}) },
    });

  function create(body: Record<string, unknown>): SubscriptionEntity {
    const planId = text(body.plan_id);
    if (!planId) throw new RazorpayApiError(400, 'The plan id field is required.', 'plan_id');
    plan(planId);
    const totalCount = Number(body.total_count);
    if (!Number.isInteger(totalCount) || totalCount < 1) {
      throw new RazorpayApiError(400, 'The total count field is required.', 'total_count');
    }
    const startAt = body.start_at;
    if (
      startAt !== undefined &&
      (typeof startAt !== 'number' || !Number.isInteger(startAt) || startAt <= unixNow())
    ) {
      throw new RazorpayApiError(400, 'start_at should be a future timestamp', 'start_at');
    }
    const id = razorpayId('sub');
    const created: SubscriptionEntity = {
      id,
      entity: 'subscription',
      plan_id: planId,
      customer_id: null,
      status: 'created',
      current_start: null,
      current_end: null,
      ended_at: null,
      quantity: Number(body.quantity ?? 1),
      notes: (body.notes as Record<string, string> | undefined) ?? {},
      charge_at: typeof startAt === 'number' ? startAt : null,
      start_at: typeof startAt === 'number' ? startAt : null,
      end_at: null,
      auth_attempts: 0,
      total_count: totalCount,
      paid_count: 0,
      customer_notify: body.customer_notify !== 0 && body.customer_notify !== false,
      created_at: unixNow(),
      expire_by: typeof body.expire_by === 'number' ? body.expire_by : null,
      short_url: `https://rzp.io/i/${id.slice(4, 12)}`,
      has_scheduled_changes: false,
      change_scheduled_at: null,
      source: 'api',
      payment_method: null,
      offer_id: null,
      remaining_count: totalCount,
    };
    subscriptions.set(id, created);
    return created;
  }

  /** One charge attempt of the cycle that starts at `start`; returns whether it was paid. */
  function charge(sub: SubscriptionEntity, start: number, fail: boolean): boolean {
    const billed = plan(sub.plan_id);
    const payment = store.recurringCharge(
      billed.item.amount * sub.quantity,
      billed.item.currency,
      { subscription_id: sub.id, ...sub.notes },
      fail,
    );
    if (fail) {
      sub.auth_attempts += 1;
      const halted = sub.auth_attempts >= CHARGE_ATTEMPTS_BEFORE_HALT;
      sub.status = halted ? 'halted' : 'pending';
      announce(halted ? 'subscription.halted' : 'subscription.pending', sub);
      return false;
    }
    const wasActive = sub.status === 'active';
    Object.assign(sub, {
      status: 'active',
      auth_attempts: 0,
      current_start: start,
      current_end: advance(start, billed),
      paid_count: sub.paid_count + 1,
      remaining_count: sub.total_count - sub.paid_count - 1,
      payment_method: 'card',
      start_at: sub.start_at ?? start,
    });
    sub.charge_at = sub.current_end;
    if (!wasActive) announce('subscription.activated', sub);
    announce('subscription.charged', sub, { ...payment });
    if (sub.paid_count >= sub.total_count) {
      Object.assign(sub, { status: 'completed', ended_at: sub.current_end, charge_at: null });
      announce('subscription.completed', sub);
    }
    return true;
  }

  const changes = subscriptionChanges({
    subscription,
    checkPlan: (id) => void plan(id),
    announce,
    scheduledPlan,
    cancelAtCycleEnd,
  });

  return {
    plans: planStore.plans,
    subscriptions,
    createPlan: planStore.createPlan,
    fetchPlan: plan,
    create,
    fetch: subscription,
    ...changes,

    /**
     * The customer completes the authorisation in Checkout: the first cycle is charged now, or, for a
     * subscription with a future start_at, at start_at (the authenticated subscription waits for it).
     */
    authenticate(id: string, outcome: { fail?: boolean } = {}): SubscriptionEntity {
      const sub = subscription(id);
      if (sub.status !== 'created') throw new RazorpayApiError(400, 'Subscription is not in created state');
      sub.status = 'authenticated';
      sub.customer_id = razorpayId('cust');
      announce('subscription.authenticated', sub);
      if (sub.start_at === null) charge(sub, unixNow(), outcome.fail === true);
      return sub;
    },

    /**
     * The moment the next charge is due (test clock): a scheduled cancellation takes effect, or the
     * cycle starting at charge_at is charged (a pending/halted subscription retries the cycle it owes).
     * A paused subscription is never charged.
     */
    chargeCycle(id: string, outcome: { fail?: boolean } = {}): SubscriptionEntity {
      const sub = subscription(id);
      const start = sub.charge_at ?? sub.current_end;
      if (!['authenticated', 'active', 'pending', 'halted'].includes(sub.status) || start === null) {
        throw new RazorpayApiError(400, `Subscription is ${sub.status}: nothing to charge`);
      }
      if (cancelAtCycleEnd.has(id)) {
        Object.assign(sub, { status: 'cancelled', ended_at: sub.current_end, charge_at: null });
        Object.assign(sub, { has_scheduled_changes: false, change_scheduled_at: null });
        cancelAtCycleEnd.delete(id);
        announce('subscription.cancelled', sub);
        return sub;
      }
      const pendingPlan = scheduledPlan.get(id);
      if (pendingPlan && sub.status === 'active') {
        Object.assign(sub, { plan_id: pendingPlan, has_scheduled_changes: false, change_scheduled_at: null });
        scheduledPlan.delete(id);
      }
      charge(sub, start, outcome.fail === true);
      return sub;
    },
  };
}

export type SubscriptionStore = ReturnType<typeof createSubscriptionStore>;
