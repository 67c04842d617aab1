import { gstIncluded } from './gst';

/** Debits are positive, credits negative; a journal's postings sum to zero per currency. */
export interface Posting {
  account: string;
  amountMinor: bigint;
  currency: string;
}

export const Accounts = {
  /** What Razorpay owes us (asset): captured amounts less fees, less refunds. */
  clearing: 'asset:razorpay_clearing',
  fees: 'expense:gateway_fees',
  gstOutput: 'liability:gst_output',
  deferredRevenue: 'liability:deferred_revenue',
  revenue: (purpose: string) => `revenue:${purpose.toLowerCase()}`,
} as const;

/** Accounts whose normal balance is a credit: their balance is shown as minus the postings' sum. */
export const isCreditNormal = (account: string) =>
  account.startsWith('liability:') || account.startsWith('revenue:');

export function assertBalanced(postings: Posting[]): void {
  const sums = new Map<string, bigint>();
  for (const p of postings) sums.set(p.currency, (sums.get(p.currency) ?? 0n) + p.amountMinor);
  for (const [currency, sum] of sums) {
    if (sum !== 0n) throw new Error(`Unbalanced journal: ${currency} postings sum to ${sum}`);
  }
}

/** Capture: cash due from Razorpay and its fee against GST owed and revenue not yet recognised. */
export function capturePostings(amountMinor: bigint, feeMinor: bigint, currency: string): Posting[] {
  const gst = gstIncluded(amountMinor);
  return [
    { account: Accounts.clearing, amountMinor: amountMinor - feeMinor, currency },
    { account: Accounts.fees, amountMinor: feeMinor, currency },
    { account: Accounts.gstOutput, amountMinor: -gst, currency },
    { account: Accounts.deferredRevenue, amountMinor: -(amountMinor - gst), currency },
  ].filter((p) => p.amountMinor !== 0n);
}

/** Moves earned value from deferred revenue to revenue (recognition). */
export function earnedPostings(taxableMinor: bigint, currency: string, purpose: string): Posting[] {
  if (taxableMinor === 0n) return [];
  return [
    { account: Accounts.deferredRevenue, amountMinor: taxableMinor, currency },
    { account: Accounts.revenue(purpose), amountMinor: -taxableMinor, currency },
  ];
}

/** Recognition of a whole capture at once (course sales: access is delivered on capture). */
export function recognitionPostings(amountMinor: bigint, currency: string, purpose: string): Posting[] {
  return earnedPostings(amountMinor - gstIncluded(amountMinor), currency, purpose);
}

/** The GST inside a refund, from cumulative amounts so partial refunds add up to the capture's GST. */
export const refundGst = (refundMinor: bigint, refundedBeforeMinor: bigint) =>
  gstIncluded(refundedBeforeMinor + refundMinor) - gstIncluded(refundedBeforeMinor);

/**
 * A refund reverses revenue and GST for the refunded part; Razorpay keeps its fee. The split uses the
 * cumulative refunded amount, so several partial refunds add up to exactly the capture's split.
 */
export function refundPostings(
  refundMinor: bigint,
  refundedBeforeMinor: bigint,
  currency: string,
  purpose: string,
  /** The part of the refund's taxable value not yet earned: it leaves deferred revenue instead. */
  fromDeferredMinor = 0n,
): Posting[] {
  const gst = refundGst(refundMinor, refundedBeforeMinor);
  return [
    { account: Accounts.revenue(purpose), amountMinor: refundMinor - gst - fromDeferredMinor, currency },
    { account: Accounts.deferredRevenue, amountMinor: fromDeferredMinor, currency },
    { account: Accounts.gstOutput, amountMinor: gst, currency },
    { account: Accounts.clearing, amountMinor: -refundMinor, currency },
  ].filter((p) => p.amountMinor !== 0n);
}
