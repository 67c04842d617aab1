import { RazorpayApiError } from './apiError';
import { unixNow, type SubscriptionEntity } from './entities';
import { text } from './subscriptionPlans';

/** What the subscription store shares with the calls that change a live subscription. */
export interface SubscriptionState {
  subscription(id: string): SubscriptionEntity;
  checkPlan(id: string): void;
  announce(event: string, sub: SubscriptionEntity): void;
  /** A plan change scheduled for the cycle end (PATCH with schedule_change_at: cycle_end). */
  scheduledPlan: Map<string, string>;
  /** Subscriptions cancelled with cancel_at_cycle_end: they end when the cycle does. */
  cancelAtCycleEnd: Set<string>;
}

const ENDED = ['cancelled', 'completed', 'expired'];

/**
 * Cancel, update, cancel an update, pause and resume, as Razorpay's Subscriptions API documents them:
 * - Cancel (https://razorpay.com/docs/api/payments/subscriptions/subscriptions/cancel-subscription):
 *   at once or at the end of the current cycle; "Once cancelled, you cannot renew or reactivate it".
 *   A cycle-end cancellation cannot be withdrawn either: a real integration resumes by creating a new
 *   subscription whose start_at is the old one's cycle end (billing's resumeSubscription does that).
 * - Cancel an Update (https://razorpay.com/docs/api/payments/subscriptions/cancel-update):
 *   POST cancel_scheduled_changes drops only a pending *update* made with schedule_change_at=cycle_end;
 *   it does not touch a scheduled cancellation, and without a pending update there is nothing to drop.
 * - Pause (https://razorpay.com/docs/sg/api/payments/subscriptions/pause-subscription): pause_at=now,
 *   only an `active` subscription can be paused (an `authenticated` one is cancelled instead); a paused
 *   subscription is charged nothing until resumed (POST resume, resume_at=now).
 */
export function subscriptionChanges(state: SubscriptionState) {
  const { subscription, announce, scheduledPlan, cancelAtCycleEnd } = state;
  return {
    cancel(id: string, body: Record<string, unknown>): SubscriptionEntity {
      const sub = subscription(id);
      if (ENDED.includes(sub.status)) {
        throw new RazorpayApiError(400, 'Subscription is not cancellable in ' + sub.status + ' status.');
      }
      const atCycleEnd = body.cancel_at_cycle_end === 1 || body.cancel_at_cycle_end === true;
      if (atCycleEnd && sub.status === 'active') {
        cancelAtCycleEnd.add(id);
        return sub;
      }
      cancelAtCycleEnd.delete(id);
      scheduledPlan.delete(id);
      Object.assign(sub, { status: 'cancelled', ended_at: unixNow(), charge_at: null });
      Object.assign(sub, { has_scheduled_changes: false, change_scheduled_at: null });
      announce('subscription.cancelled', sub);
      return sub;
    },

    /** Drops the plan change scheduled for the cycle end; a scheduled cancellation stays. */
    cancelScheduledChanges(id: string): SubscriptionEntity {
      const sub = subscription(id);
      if (!scheduledPlan.has(id)) {
        throw new RazorpayApiError(400, 'Subscription does not have any scheduled changes');
      }
      scheduledPlan.delete(id);
      Object.assign(sub, { has_scheduled_changes: false, change_scheduled_at: null });
      return sub;
    },

    update(id: string, body: Record<string, unknown>): SubscriptionEntity {
      const sub = subscription(id);
      const planId = text(body.plan_id);
      if (!planId) throw new RazorpayApiError(400, 'Nothing to update', 'plan_id');
      state.checkPlan(planId);
      if (!['active', 'authenticated'].includes(sub.status)) {
        throw new RazorpayApiError(400, `Subscription cannot be updated in ${sub.status} status.`);
      }
      if (body.schedule_change_at === 'cycle_end') {
        scheduledPlan.set(id, planId);
        Object.assign(sub, { has_scheduled_changes: true, change_scheduled_at: sub.current_end });
      } else {
        // `now`: the plan changes at once; proration is settled by the merchant (our billing's order).
        sub.plan_id = planId;
      }
      announce('subscription.updated', sub);
      return sub;
    },

    pause(id: string, body: Record<string, unknown>): SubscriptionEntity {
      const sub = subscription(id);
      if ((body.pause_at ?? 'now') !== 'now')
        throw new RazorpayApiError(400, 'pause_at is invalid', 'pause_at');
      if (sub.status === 'authenticated') {
        Object.assign(sub, { status: 'cancelled', ended_at: unixNow(), charge_at: null });
        announce('subscription.cancelled', sub);
        return sub;
      }
      if (sub.status !== 'active') throw new RazorpayApiError(400, 'Only active subscriptions can be paused');
      Object.assign(sub, { status: 'paused', charge_at: null });
      announce('subscription.paused', sub);
      return sub;
    },

    /** Charging restarts: the next cycle starts at the old cycle's end, or now if that has passed. */
    resume(id: string, body: Record<string, unknown>): SubscriptionEntity {
      const sub = subscription(id);
      if ((body.resume_at ?? 'now') !== 'now') {
        throw new RazorpayApiError(400, 'resume_at is invalid', 'resume_at');
      }
      if (sub.status !== 'paused')
        throw new RazorpayApiError(400, 'Only paused subscriptions can be resumed');
      Object.assign(sub, { status: 'active', charge_at: Math.max(sub.current_end ?? 0, unixNow()) });
      announce('subscription.resumed', sub);
      return sub;
    },
  };
}
