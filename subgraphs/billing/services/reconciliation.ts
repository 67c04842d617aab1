import { BadUserInputError } from '../../../platform/errors';
import type { PaymentEntity } from './razorpayEntities';
import { trialBalance } from './ledger';
import { fromGatewayStatus, isCapturedOrLater } from './paymentStateMachine';
import type { BillingRuntime } from './runtime';
import { reconcileSettlements } from './settlementReconciliation';

export interface ReconciliationMismatch {
  razorpayPaymentId: string;
  problem: string;
}

/** Every item of a paged Razorpay list (count/skip), page after page until a short page. */
export async function allPages<T>(page: (skip: number) => Promise<{ items: T[] }>, size = 100): Promise<T[]> {
  const all: T[] = [];
  for (let skip = 0; ; skip += size) {
    const { items } = await page(skip);
    all.push(...items);
    if (items.length < size) return all;
  }
}

function gatewayPaymentsSince(runtime: BillingRuntime, since: Date): Promise<PaymentEntity[]> {
  const from = Math.floor(since.getTime() / 1000);
  const to = Math.floor(Date.now() / 1000) + 60;
  return allPages((skip) => runtime.razorpay.listPayments(from, to, skip));
}

/**
 * Compares Razorpay's payments since `since` with ours and our ledger: a payment missing here, a
 * capture, fee or refunded amount that differs, a captured payment without its capture journal, and a
 * ledger whose postings do not sum to zero; and each settlement's payout and fees against our ledger
 * (settlementReconciliation). Reports; fixes nothing (webhook replays do that).
 */
export async function reconcilePayments(
  runtime: BillingRuntime,
  since: Date,
  trigger: 'SCHEDULED' | 'MANUAL' = 'MANUAL',
): Promise<ReconciliationReport> {
  const { prisma } = runtime;
  const run = await prisma.reconciliationRun.create({ data: { trigger, since } });
  const remote = await gatewayPaymentsSince(runtime, since);
  const ours = await prisma.payment.findMany({
    where: { razorpayPaymentId: { in: remote.map((p) => p.id) } },
  });
  const byGatewayId = new Map(ours.map((p) => [p.razorpayPaymentId, p]));
  const journals = await prisma.ledgerJournal.findMany({
    where: { reference: { in: ours.map((p) => `capture:${p.id}`) } },
    select: { reference: true },
  });
  const journaled = new Set(journals.map((j) => j.reference));
  const mismatches: ReconciliationMismatch[] = [];
  const report = (payment: PaymentEntity, problem: string) =>
    mismatches.push({ razorpayPaymentId: payment.id, problem });

  for (const payment of remote) {
    const local = byGatewayId.get(payment.id);
    const capturedThere = payment.captured;
    if (!local) {
      if (capturedThere) report(payment, 'captured at Razorpay, unknown here');
      continue;
    }
    const capturedHere = isCapturedOrLater(local.status);
    if (capturedThere !== capturedHere) {
      report(payment, `Razorpay says ${payment.status}, we say ${local.status}`);
    } else if (!capturedThere && fromGatewayStatus(payment.status) !== local.status) {
      report(payment, `Razorpay says ${payment.status}, we say ${local.status}`);
    }
    if (BigInt(payment.amount_refunded) !== local.refundedMinor) {
      report(payment, `refunded ${payment.amount_refunded} at Razorpay, ${local.refundedMinor} here`);
    }
    if (capturedHere && capturedThere && BigInt(payment.fee ?? 0) !== local.feeMinor) {
      report(payment, `fee ${payment.fee ?? 0} at Razorpay, ${local.feeMinor} here`);
    }
    if (capturedHere && !journaled.has(`capture:${local.id}`))
      report(payment, 'captured without a capture journal');
  }
  const settled = await reconcileSettlements(runtime, since);
  mismatches.push(...settled.mismatches);
  for (const [currency, sum] of await trialBalance(prisma)) {
    if (sum !== 0n)
      mismatches.push({ razorpayPaymentId: '-', problem: `ledger ${currency} postings sum to ${sum}` });
  }
  const finished = await prisma.reconciliationRun.update({
    where: { id: run.id },
    data: {
      finishedAt: new Date(),
      checkedPayments: remote.length,
      mismatches: { createMany: { data: mismatches } },
    },
  });
  runtime.logger.info(
    { checked: remote.length, settlements: settled.checked, mismatches: mismatches.length },
    'reconciliation finished',
  );
  return { ...finished, mismatches };
}

export interface ReconciliationReport {
  id: string;
  trigger: string;
  since: Date;
  startedAt: Date;
  checkedPayments: number;
  mismatches: ReconciliationMismatch[];
}

/** Stored runs, newest first, each with what it found. */
export async function reconciliationReports(runtime: BillingRuntime, first: number) {
  if (!Number.isInteger(first) || first < 1 || first > 100) {
    throw new BadUserInputError('first must be between 1 and 100', 'first');
  }
  const runs = await runtime.prisma.reconciliationRun.findMany({
    where: { finishedAt: { not: null } },
    orderBy: { startedAt: 'desc' },
    take: first,
    include: { mismatches: { select: { razorpayPaymentId: true, problem: true } } },
  });
  return runs;
}

/** The scheduled job: every `intervalMs`, Razorpay's payments of the last `lookbackMs` against ours. */
export function startReconciliationSchedule(
  runtime: BillingRuntime,
  options: { intervalMs: number; lookbackMs: number },
): () => void {
  const timer = setInterval(() => {
    reconcilePayments(runtime, new Date(Date.now() - options.lookbackMs), 'SCHEDULED').catch(
      (error: unknown) => runtime.logger.error({ err: error }, 'scheduled reconciliation failed'),
    );
  }, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
