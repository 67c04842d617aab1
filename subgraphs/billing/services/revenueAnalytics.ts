import { BadUserInputError } from '../../../platform/errors';
import { money } from '../../../platform/money';
import type { PrismaClient } from '../../../platform/prisma';
import type { Tier } from '../../../platform/prisma/generated/enums';

// Admin revenue analytics (issue 9 contract). Every figure is a SQL aggregate over indexed columns:
// payment(captured_at), refund(created_at), subscription_change(user_id, at) and (at). Amounts are INR
// (the only currency billing sells in); days are UTC calendar days.

const CURRENCY = 'INR';
const TIERS: Tier[] = ['FREE', 'PREMIUM', 'ENTERPRISE'];

interface DayRow {
  day: string;
  gross: bigint;
  refunds: bigint;
  payments: number;
}
interface PlanRow {
  plan_id: string;
  plan_name: string;
  tier: Tier;
  revenue: bigint;
  payments: number;
}

function assertRange(from: Date, to: Date): void {
  if (!(from < to)) throw new BadUserInputError('from must be before to', 'from');
  if (to.getTime() - from.getTime() > 1_100 * 86_400_000) {
    throw new BadUserInputError('The range is at most three years', 'to');
  }
}

/** Captured amounts by capture day, refunds by refund day; net = gross − refunds of that day. */
const byDay = (prisma: PrismaClient, from: Date, to: Date) => prisma.$queryRaw<DayRow[]>`
  WITH gross AS (
    SELECT to_char(captured_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
           SUM(amount_minor)::bigint AS gross, COUNT(*)::int AS payments
      FROM billing.payment
     WHERE captured_at >= ${from} AND captured_at < ${to} AND currency = ${CURRENCY}
     GROUP BY 1),
  refunded AS (
    SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, SUM(amount_minor)::bigint AS refunds
      FROM billing.refund
     WHERE created_at >= ${from} AND created_at < ${to} AND currency = ${CURRENCY}
     GROUP BY 1)
  SELECT COALESCE(g.day, r.day) AS day, COALESCE(g.gross, 0)::bigint AS gross,
         COALESCE(r.refunds, 0)::bigint AS refunds, COALESCE(g.payments, 0)::int AS payments
    FROM gross g FULL JOIN refunded r ON r.day = g.day
   ORDER BY 1`;

/** Subscription payments captured in the range, per plan, less what has been refunded of them. */
const byPlan = (prisma: PrismaClient, from: Date, to: Date) => prisma.$queryRaw<PlanRow[]>`
  SELECT pl.id::text AS plan_id, pl.name AS plan_name, pl.tier::text AS tier,
         SUM(p.amount_minor - p.refunded_minor)::bigint AS revenue, COUNT(*)::int AS payments
    FROM billing.payment p
    JOIN billing.payment_order o ON o.id = p.order_id
    JOIN billing.plan pl ON pl.id = o.plan_id
   WHERE o.purpose = 'SUBSCRIPTION' AND p.captured_at >= ${from} AND p.captured_at < ${to}
     AND p.currency = ${CURRENCY}
   GROUP BY pl.id, pl.name, pl.tier
   ORDER BY revenue DESC, pl.name`;

/** Each paid subscription granting its tier now, at its price per month (half up to the paisa). */
const mrr = (prisma: PrismaClient) => prisma.$queryRaw<{ mrr: bigint }[]>`
  SELECT COALESCE(SUM(ROUND(pl.price_minor::numeric /
           CASE pl.interval WHEN 'QUARTER' THEN 3 WHEN 'YEAR' THEN 12 ELSE 1 END)), 0)::bigint AS mrr
    FROM billing.subscription s JOIN billing.plan pl ON pl.id = s.plan_id
   WHERE s.status IN ('ACTIVE', 'PAST_DUE') AND pl.price_minor > 0 AND pl.currency = ${CURRENCY}`;

const refundTotal = (prisma: PrismaClient, from: Date, to: Date) => prisma.$queryRaw<{ total: bigint }[]>`
  SELECT COALESCE(SUM(amount_minor), 0)::bigint AS total FROM billing.refund
   WHERE created_at >= ${from} AND created_at < ${to} AND currency = ${CURRENCY}`;

/** Users by the tier billing grants now: a halted or cancelled subscription counts as FREE. */
const tierMix = (prisma: PrismaClient) => prisma.$queryRaw<{ tier: Tier; count: number }[]>`
  SELECT CASE WHEN s.status IN ('ACTIVE', 'PAST_DUE') THEN pl.tier::text ELSE 'FREE' END AS tier,
         COUNT(*)::int AS count
    FROM billing.subscription s JOIN billing.plan pl ON pl.id = s.plan_id
   GROUP BY 1`;

/**
 * Churn from the subscription history: users on a paid tier at `from` (their last change before it
 * granted a paid tier), and how many of them fell to FREE (cancelled, halted, refunded) before `to`.
 */
const churn = (prisma: PrismaClient, from: Date, to: Date) =>
  prisma.$queryRaw<{ active_at_start: number; cancelled: number }[]>`
  WITH last_before AS (
    SELECT DISTINCT ON (user_id) user_id, tier FROM billing.subscription_change
     WHERE at < ${from} ORDER BY user_id, at DESC),
  active AS (SELECT user_id FROM last_before WHERE tier <> 'FREE')
  SELECT (SELECT COUNT(*) FROM active)::int AS active_at_start,
         (SELECT COUNT(*) FROM active a WHERE EXISTS (
            SELECT 1 FROM billing.subscription_change c
             WHERE c.user_id = a.user_id AND c.at >= ${from} AND c.at < ${to} AND c.tier = 'FREE'))::int
           AS cancelled`;

export async function revenueAnalytics(prisma: PrismaClient, from: Date, to: Date) {
  assertRange(from, to);
  const [days, plans, [recurring], [refunds], tiers, [lost]] = await Promise.all([
    byDay(prisma, from, to),
    byPlan(prisma, from, to),
    mrr(prisma),
    refundTotal(prisma, from, to),
    tierMix(prisma),
    churn(prisma, from, to),
  ]);
  const activeAtStart = lost?.active_at_start ?? 0;
  const cancelled = lost?.cancelled ?? 0;
  return {
    byDay: days.map((d) => ({
      day: d.day,
      gross: money(d.gross, CURRENCY),
      refunds: money(d.refunds, CURRENCY),
      net: money(d.gross - d.refunds, CURRENCY),
      payments: d.payments,
    })),
    byPlan: plans.map((p) => ({
      planId: p.plan_id,
      planName: p.plan_name,
      tier: p.tier,
      revenue: money(p.revenue, CURRENCY),
      payments: p.payments,
    })),
    mrr: money(recurring?.mrr ?? 0n, CURRENCY),
    refunds: money(refunds?.total ?? 0n, CURRENCY),
    tierMix: TIERS.map((tier) => ({ tier, count: tiers.find((t) => t.tier === tier)?.count ?? 0 })),
    churn: { activeAtStart, cancelled, rate: activeAtStart === 0 ? 0 : cancelled / activeAtStart },
  };
}
