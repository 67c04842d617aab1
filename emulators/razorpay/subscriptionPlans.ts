import { RazorpayApiError, notFound } from './apiError';
import { razorpayId, unixNow, type PlanEntity } from './entities';

const periods = ['daily', 'weekly', 'monthly', 'yearly'] as const;

/** The end of one billing cycle of `plan` starting at `start` (unix seconds, calendar arithmetic in UTC). */
export function advance(start: number, plan: PlanEntity): number {
  const at = new Date(start * 1000);
  if (plan.period === 'daily') at.setUTCDate(at.getUTCDate() + plan.interval);
  if (plan.period === 'weekly') at.setUTCDate(at.getUTCDate() + 7 * plan.interval);
  if (plan.period === 'monthly') at.setUTCMonth(at.getUTCMonth() + plan.interval);
  if (plan.period === 'yearly') at.setUTCFullYear(at.getUTCFullYear() + plan.interval);
  return Math.floor(at.getTime() / 1000);
}

export const text = (value: unknown) => (typeof value === 'string' ? value : null);

/** Razorpay's Plans API in memory (POST /v1/plans, GET /v1/plans/:id). */
export function createPlanStore() {
  const plans = new Map<string, PlanEntity>();

  function fetchPlan(id: string): PlanEntity {
    const found = plans.get(id);
    if (!found) throw notFound();
    return found;
  }

  function createPlan(body: Record<string, unknown>): PlanEntity {
    const item = (body.item ?? {}) as Record<string, unknown>;
    const period = body.period as PlanEntity['period'];
    if (!periods.includes(period)) throw new RazorpayApiError(400, 'period is invalid', 'period');
    const interval = Number(body.interval ?? 1);
    const amount = item.amount;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 100) {
      throw new RazorpayApiError(400, 'The amount must be atleast INR 1.00', 'item.amount');
    }
    const created: PlanEntity = {
      id: razorpayId('plan'),
      entity: 'plan',
      interval,
      period,
      item: {
        id: razorpayId('item'),
        active: true,
        name: text(item.name) ?? 'Plan',
        description: text(item.description),
        amount,
        unit_amount: amount,
        currency: text(item.currency) ?? 'INR',
        type: 'plan',
        created_at: unixNow(),
      },
      notes: (body.notes as Record<string, string> | undefined) ?? {},
      created_at: unixNow(),
    };
    plans.set(created.id, created);
    return created;
  }

  return { plans, fetchPlan, createPlan };
}

export type PlanStore = ReturnType<typeof createPlanStore>;
