// Billing's demo history for the admin dashboard: five weeks of captured course and plan payments
// (with their ledger journals, revenue schedules and a few refunds), customers on each tier and
// subscription changes for churn. Fixed ids and skip-duplicates writes keep it idempotent.
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../../platform/prisma';
import type { Tier } from '../../platform/prisma/generated/enums';
import { writeJournal } from '../../subgraphs/billing/services/ledger';
import {
  capturePostings,
  recognitionPostings,
  refundPostings,
} from '../../subgraphs/billing/services/ledgerPostings';
import { gstIncluded } from '../../subgraphs/billing/services/gst';
import { courses, plans } from './data';

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 35;
const CUSTOMERS = 12;

/** A stable uuid for a seed row's name. */
function seedUuid(name: string): string {
  const h = createHash('sha256').update(`billing-seed:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const customerId = (i: number) => seedUuid(`customer-${i}`);
/** Customers' tiers now: every third enterprise, every third premium, the rest free. */
const customerTier = (i: number): Tier => (['ENTERPRISE', 'PREMIUM', 'FREE'] as const)[i % 3]!;
/** Customers who were paying and left during the last fortnight (churn on the dashboard). */
const CHURNED = new Set([2, 5]);

interface Sale {
  key: string;
  userId: string;
  purpose: 'COURSE' | 'SUBSCRIPTION';
  courseId: string | null;
  planId: string | null;
  amountMinor: bigint;
  capturedAt: Date;
  interval: string | null;
}

function sales(now: Date): Sale[] {
  const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const paidCourses = courses.filter((c) => c.priceMinor > 0n);
  const paidPlans = plans.filter((p) => p.priceMinor > 0n);
  const out: Sale[] = [];
  for (let d = 1; d <= HISTORY_DAYS; d += 1) {
    for (let k = 0; k < 1 + ((d * 7) % 4); k += 1) {
      const n = d * 10 + k;
      const course = n % 3 === 0 ? paidCourses[n % paidCourses.length] : undefined;
      const plan = paidPlans[n % paidPlans.length]!;
      out.push({
        key: `sale-${n}`,
        userId: customerId(n % CUSTOMERS),
        purpose: course ? 'COURSE' : 'SUBSCRIPTION',
        courseId: course?.id ?? null,
        planId: course ? null : plan.id,
        amountMinor: course?.priceMinor ?? plan.priceMinor,
        capturedAt: new Date(dayStart - d * DAY_MS + (9 + 2 * k) * 3_600_000),
        interval: course ? null : plan.interval,
      });
    }
  }
  return out;
}

async function seedSale(prisma: PrismaClient, sale: Sale, index: number): Promise<void> {
  const orderId = seedUuid(`${sale.key}:order`);
  const paymentId = seedUuid(`${sale.key}:payment`);
  const fee = (sale.amountMinor * 236n) / 10_000n;
  const months = sale.interval === 'YEAR' ? 12 : sale.interval === 'QUARTER' ? 3 : 1;
  const periodEnd = new Date(sale.capturedAt);
  periodEnd.setUTCMonth(periodEnd.getUTCMonth() + months);
  const refunded = index % 9 === 4 ? sale.amountMinor / 2n : 0n;
  await prisma.$transaction(async (tx) => {
    const created = await tx.paymentOrder.createMany({
      data: [
        {
          id: orderId,
          userId: sale.userId,
          purpose: sale.purpose,
          courseId: sale.courseId,
          planId: sale.planId,
          amountMinor: sale.amountMinor,
          razorpayOrderId: `order_seed${paymentId.slice(0, 8)}`,
          status: 'PAID',
          idempotencyKey: `seed-${sale.key}`,
          requestHash: '-',
          placeOfSupply: 'MH',
          createdAt: sale.capturedAt,
          periodStart: sale.planId ? sale.capturedAt : null,
          periodEnd: sale.planId ? periodEnd : null,
        },
      ],
      skipDuplicates: true,
    });
    if (created.count === 0) return;
    const status = refunded > 0n ? 'PARTIALLY_REFUNDED' : 'CAPTURED';
    await tx.payment.create({
      data: {
        id: paymentId,
        orderId,
        userId: sale.userId,
        razorpayPaymentId: `pay_seed${paymentId.slice(0, 8)}`,
        amountMinor: sale.amountMinor,
        status,
        feeMinor: fee,
        refundedMinor: refunded,
        method: 'card',
        capturedAt: sale.capturedAt,
        createdAt: sale.capturedAt,
      },
    });
    const journal = (reference: string, postings: ReturnType<typeof capturePostings>) =>
      writeJournal(tx, { reference, description: `Seed ${reference}`, paymentId, postings });
    await journal(`capture:${paymentId}`, capturePostings(sale.amountMinor, fee, 'INR'));
    if (sale.purpose === 'COURSE') {
      await journal(`recognise:${paymentId}`, recognitionPostings(sale.amountMinor, 'INR', 'COURSE'));
    } else {
      // The recognition job earns plan revenue over the period, as for live payments.
      await tx.revenueSchedule.create({
        data: {
          paymentId,
          purpose: 'SUBSCRIPTION',
          currency: 'INR',
          amountMinor: sale.amountMinor - gstIncluded(sale.amountMinor),
          periodStart: sale.capturedAt,
          periodEnd,
        },
      });
    }
    if (refunded === 0n) return;
    const refundId = `rfnd_seed${paymentId.slice(0, 8)}`;
    await tx.refund.create({
      data: {
        paymentId,
        razorpayRefundId: refundId,
        amountMinor: refunded,
        reason: 'Seed: goodwill refund',
        createdAt: new Date(sale.capturedAt.getTime() + DAY_MS / 2),
      },
    });
    // Before recognition has run, the refund's taxable part comes out of deferred revenue.
    const fromDeferred = sale.purpose === 'SUBSCRIPTION' ? refunded - gstIncluded(refunded) : 0n;
    if (fromDeferred > 0n) {
      await tx.revenueSchedule.update({
        where: { paymentId },
        data: { amountMinor: { decrement: fromDeferred } },
      });
    }
    await journal(`refund:${refundId}`, refundPostings(refunded, 0n, 'INR', sale.purpose, fromDeferred));
  });
}

/** Customers' subscriptions now, and the tier history the churn figure reads. */
async function seedCustomers(prisma: PrismaClient, now: Date): Promise<void> {
  const monthly = await prisma.plan.findMany({ where: { interval: 'MONTH' } });
  const planOf = (tier: Tier) => monthly.find((p) => p.tier === tier)!.id;
  for (let i = 0; i < CUSTOMERS; i += 1) {
    const userId = customerId(i);
    const paidTier = customerTier(i) === 'FREE' ? 'PREMIUM' : customerTier(i);
    const tierNow = CHURNED.has(i) ? 'FREE' : customerTier(i);
    const subscriptionId = seedUuid(`customer-${i}:subscription`);
    const start = new Date(now.getTime() - (HISTORY_DAYS - i) * DAY_MS);
    await prisma.subscription.createMany({
      data: [
        {
          id: subscriptionId,
          userId,
          planId: planOf(tierNow),
          currentPeriodStart: start,
          currentPeriodEnd: tierNow === 'FREE' ? null : new Date(start.getTime() + 30 * DAY_MS),
        },
      ],
      skipDuplicates: true,
    });
    const history = [
      { at: start, tier: customerTier(i) === 'FREE' && !CHURNED.has(i) ? 'FREE' : paidTier },
      ...(CHURNED.has(i) ? [{ at: new Date(now.getTime() - (3 + i) * DAY_MS), tier: 'FREE' }] : []),
    ];
    await prisma.subscriptionChange.createMany({
      data: history.map((h, n) => ({
        id: seedUuid(`customer-${i}:change-${n}`),
        userId,
        subscriptionId,
        tier: h.tier as Tier,
        status: h.tier === 'FREE' && n > 0 ? 'CANCELLED' : 'ACTIVE',
        at: h.at,
      })),
      skipDuplicates: true,
    });
  }
}

export async function seedBillingHistory(prisma: PrismaClient, now: Date): Promise<number> {
  await seedCustomers(prisma, now);
  const all = sales(now);
  for (const [index, sale] of all.entries()) await seedSale(prisma, sale, index);
  return all.length;
}
