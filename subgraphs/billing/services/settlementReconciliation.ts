import type { SettlementEntity, SettlementReconItem } from './razorpayEntities';
import { Accounts } from './ledgerPostings';
import { allPages, type ReconciliationMismatch } from './reconciliation';
import type { BillingRuntime } from './runtime';

function settlementsSince(runtime: BillingRuntime, since: Date): Promise<SettlementEntity[]> {
  const from = Math.floor(since.getTime() / 1000);
  const to = Math.floor(Date.now() / 1000) + 60;
  return allPages((skip) => runtime.razorpay.listSettlements(from, to, skip));
}

/** The recon rows of every UTC day a settlement was made on, grouped by settlement id. */
async function reconRows(runtime: BillingRuntime, settlements: SettlementEntity[]) {
  const days = new Set(settlements.map((s) => new Date(s.created_at * 1000).toISOString().slice(0, 10)));
  const bySettlement = new Map<string, SettlementReconItem[]>();
  for (const day of days) {
    const at = new Date(`${day}T00:00:00Z`);
    for (const row of await allPages((skip) => runtime.razorpay.settlementRecon(at, skip), 1000)) {
      bySettlement.set(row.settlement_id, [...(bySettlement.get(row.settlement_id) ?? []), row]);
    }
  }
  return bySettlement;
}

/** What our ledger says each settled payment/refund moved: clearing (amount − fee, −refund) and fees. */
async function ledgerView(runtime: BillingRuntime, rows: SettlementReconItem[]) {
  const paymentIds = rows.filter((r) => r.type === 'payment').map((r) => r.entity_id);
  const payments = await runtime.prisma.payment.findMany({
    where: { razorpayPaymentId: { in: paymentIds } },
    select: { id: true, razorpayPaymentId: true },
  });
  const references = new Map<string, string>(payments.map((p) => [`capture:${p.id}`, p.razorpayPaymentId]));
  for (const row of rows) if (row.type === 'refund') references.set(`refund:${row.entity_id}`, row.entity_id);
  const postings = await runtime.prisma.ledgerPosting.findMany({
    where: {
      journal: { reference: { in: [...references.keys()] } },
      account: { in: [Accounts.clearing, Accounts.fees] },
    },
    select: { account: true, amountMinor: true, journal: { select: { reference: true } } },
  });
  const clearing = new Map<string, bigint>();
  const fees = new Map<string, bigint>();
  for (const posting of postings) {
    const entityId = references.get(posting.journal.reference)!;
    const into = posting.account === Accounts.clearing ? clearing : fees;
    into.set(entityId, (into.get(entityId) ?? 0n) + posting.amountMinor);
  }
  return { clearing, fees, journaled: new Set([...clearing.keys(), ...fees.keys()]) };
}

/**
 * Razorpay's settlements since `since` (GET /v1/settlements) against our ledger, through the recon
 * rows that say which payments and refunds each settlement contains (GET
 * /v1/settlements/recon/combined). Per settlement: the amount paid out must equal what our ledger put
 * into razorpay_clearing for those rows (captures: amount − fee; refunds: −amount), and its fees must
 * equal the gateway fees we booked; a row our ledger does not know is reported on its own.
 * Mismatches carry the settlement id (or the row's payment/refund id) in `razorpayPaymentId`.
 */
export async function reconcileSettlements(runtime: BillingRuntime, since: Date) {
  const settlements = await settlementsSince(runtime, since);
  const mismatches: ReconciliationMismatch[] = [];
  if (settlements.length === 0) return { checked: 0, mismatches };
  const bySettlement = await reconRows(runtime, settlements);
  const ledger = await ledgerView(runtime, [...bySettlement.values()].flat());
  for (const settlement of settlements) {
    const rows = bySettlement.get(settlement.id) ?? [];
    let expectedAmount = 0n;
    let expectedFees = 0n;
    for (const row of rows) {
      if (!ledger.journaled.has(row.entity_id)) {
        mismatches.push({
          razorpayPaymentId: row.entity_id,
          problem: `settled in ${settlement.id} (${row.type} of ${row.amount}), not in our ledger`,
        });
      }
      expectedAmount += ledger.clearing.get(row.entity_id) ?? 0n;
      expectedFees += ledger.fees.get(row.entity_id) ?? 0n;
    }
    if (BigInt(settlement.amount) !== expectedAmount) {
      mismatches.push({
        razorpayPaymentId: settlement.id,
        problem: `settlement amount ${settlement.amount} at Razorpay, ${expectedAmount} in our ledger`,
      });
    }
    if (BigInt(settlement.fees) !== expectedFees) {
      mismatches.push({
        razorpayPaymentId: settlement.id,
        problem: `settlement fees ${settlement.fees} at Razorpay, ${expectedFees} in our ledger`,
      });
    }
  }
  return { checked: settlements.length, mismatches };
}
