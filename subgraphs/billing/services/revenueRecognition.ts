import type { PrismaClient, TransactionClient } from '../../../platform/prisma';
import type { Payment, PaymentPurpose, RevenueSchedule } from '../../../platform/prisma/generated/client';
import { gstIncluded } from './gst';
import { writeJournal } from './ledger';
import { earnedPostings, refundGst } from './ledgerPostings';
import type { ServicePeriod } from './planPurchases';

const DAY_MS = 86_400_000;

/** The capture credited the taxable value to deferred revenue; this plans how it is earned. */
export async function scheduleRecognition(
  tx: TransactionClient,
  payment: Payment,
  purpose: PaymentPurpose,
  period: ServicePeriod,
): Promise<void> {
  await tx.revenueSchedule.createMany({
    data: [
      {
        paymentId: payment.id,
        purpose,
        currency: payment.currency,
        amountMinor: payment.amountMinor - gstIncluded(payment.amountMinor),
        periodStart: period.start,
        // A period that ended already (or has no length) is earned on the next run.
        periodEnd: period.end > period.start ? period.end : period.start,
      },
    ],
    skipDuplicates: true,
  });
}

/** Whole days of the period elapsed at `asOf` and the period's length in days (at least 1). */
export function elapsedDays(schedule: Pick<RevenueSchedule, 'periodStart' | 'periodEnd'>, asOf: Date) {
  const total = Math.max(
    1,
    Math.ceil((schedule.periodEnd.getTime() - schedule.periodStart.getTime()) / DAY_MS),
  );
  if (asOf >= schedule.periodEnd) return { elapsed: total, total };
  const elapsed = Math.floor((asOf.getTime() - schedule.periodStart.getTime()) / DAY_MS);
  return { elapsed: Math.max(0, Math.min(total, elapsed)), total };
}

/** Straight-line by whole days, rounded down; the last day earns the remainder exactly. */
export function earnedBy(schedule: RevenueSchedule, asOf: Date): bigint {
  const { elapsed, total } = elapsedDays(schedule, asOf);
  return (schedule.amountMinor * BigInt(elapsed)) / BigInt(total);
}

async function recogniseOne(prisma: PrismaClient, id: string, asOf: Date): Promise<bigint> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 FROM billing.revenue_schedule WHERE id = $1::uuid FOR UPDATE`, id);
    const schedule = await tx.revenueSchedule.findUniqueOrThrow({ where: { id } });
    const target = earnedBy(schedule, asOf);
    const delta = target - schedule.recognizedMinor;
    if (delta <= 0n) return 0n;
    const { elapsed } = elapsedDays(schedule, asOf);
    // One journal per schedule and elapsed day: a rerun the same day finds it written.
    const written = await writeJournal(tx, {
      reference: `recognise:${schedule.paymentId}:day-${elapsed}`,
      description: `Revenue earned to day ${elapsed} of the period`,
      paymentId: schedule.paymentId,
      postings: earnedPostings(delta, schedule.currency, schedule.purpose),
    });
    if (!written) return 0n;
    await tx.revenueSchedule.update({ where: { id }, data: { recognizedMinor: target } });
    return delta;
  });
}

/**
 * The recognition job: every schedule with revenue still deferred is brought up to what `asOf` has
 * earned. Idempotent per day: running it again (or on two replicas) writes nothing new.
 */
export async function runRevenueRecognition(prisma: PrismaClient, asOf = new Date()) {
  const open = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id::text FROM billing.revenue_schedule
      WHERE recognized_minor < amount_minor AND period_start <= $1 ORDER BY period_start LIMIT 5000`,
    asOf,
  );
  let recognizedMinor = 0n;
  let schedules = 0;
  for (const { id } of open) {
    const delta = await recogniseOne(prisma, id, asOf);
    if (delta > 0n) schedules += 1;
    recognizedMinor += delta;
  }
  return { schedules, recognizedMinor };
}

/**
 * A refund of a plan payment first takes back what is not yet earned: the schedule shrinks by that
 * much, so deferred revenue still ends at zero. Returns the part of the refund taken from deferred.
 */
export async function takeFromDeferred(
  tx: TransactionClient,
  paymentId: string,
  refundMinor: bigint,
  refundedBeforeMinor: bigint,
): Promise<bigint> {
  await tx.$queryRawUnsafe(
    `SELECT 1 FROM billing.revenue_schedule WHERE payment_id = $1::uuid FOR UPDATE`,
    paymentId,
  );
  const schedule = await tx.revenueSchedule.findUnique({ where: { paymentId } });
  if (!schedule) return 0n;
  const taxable = refundMinor - refundGst(refundMinor, refundedBeforeMinor);
  const unearned = schedule.amountMinor - schedule.recognizedMinor;
  const taken = taxable < unearned ? taxable : unearned;
  if (taken > 0n) {
    await tx.revenueSchedule.update({
      where: { id: schedule.id },
      data: { amountMinor: { decrement: taken } },
    });
  }
  return taken > 0n ? taken : 0n;
}
