import type { PaymentEntity } from '../razorpayServer/entities';
import { trialBalance } from './ledger';
import { fromGatewayStatus, isCapturedOrLater } from './paymentStateMachine';
import type { BillingRuntime } from './runtime';

export interface ReconciliationMismatch {
  razorpayPaymentId: string;
  problem: string;
}

async function gatewayPaymentsSince(runtime: BillingRuntime, since: Date): Promise<PaymentEntity[]> {
  const from = Math.floor(since.getTime() / 1000);
  const to = Math.floor(Date.now() / 1000) + 60;
  const all: PaymentEntity[] = [];
  for (let skip = 0; ; skip += 100) {
    const page = await runtime.razorpay.listPayments(from, to, skip);
    all.push(...page.items);
    if (page.items.length < 100) return all;
  }
}

/**
 * Compares Razorpay's payments since `since` with ours and our ledger: a payment missing here, a
 * capture or refunded amount that differs, a captured payment without its capture journal, and a
 * ledger whose postings do not sum to zero. Reports; fixes nothing (webhook replays do that).
 */
export async function reconcilePayments(runtime: BillingRuntime, since: Date) {
  const { prisma } = runtime;
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
    if (capturedHere && !journaled.has(`capture:${local.id}`))
      report(payment, 'captured without a capture journal');
  }
  for (const [currency, sum] of await trialBalance(prisma)) {
    if (sum !== 0n)
      mismatches.push({ razorpayPaymentId: '-', problem: `ledger ${currency} postings sum to ${sum}` });
  }
  runtime.logger.info({ checked: remote.length, mismatches: mismatches.length }, 'reconciliation finished');
  return { checkedPayments: remote.length, mismatches };
}
