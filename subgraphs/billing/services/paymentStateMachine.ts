import type { PaymentStatus } from '../../../platform/prisma/generated/enums';

// Forward-only: webhooks arrive late, twice and out of order, so a transition may only move a payment
// further along. FAILED sits below AUTHORIZED because Razorpay may authorize a payment it reported
// failed (a late bank confirmation); nothing moves a captured payment back to failed.
const rank: Record<PaymentStatus, number> = {
  CREATED: 0,
  FAILED: 1,
  AUTHORIZED: 2,
  CAPTURED: 3,
  PARTIALLY_REFUNDED: 4,
  REFUNDED: 5,
};

/** The state after learning that the payment reached `reported`: never earlier than `current`. */
export function advancePayment(current: PaymentStatus, reported: PaymentStatus): PaymentStatus {
  return rank[reported] > rank[current] ? reported : current;
}

export function isCapturedOrLater(status: PaymentStatus): boolean {
  return rank[status] >= rank.CAPTURED;
}

/** The refund state follows from the amounts, whichever refund event arrived first. */
export function statusAfterRefunds(amountMinor: bigint, refundedMinor: bigint): PaymentStatus {
  if (refundedMinor <= 0n) return 'CAPTURED';
  return refundedMinor >= amountMinor ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
}

/** Razorpay's lower-case payment status in ours (refund states come from amounts, not this). */
export function fromGatewayStatus(status: string): PaymentStatus | undefined {
  const map: Record<string, PaymentStatus> = {
    created: 'CREATED',
    authorized: 'AUTHORIZED',
    captured: 'CAPTURED',
    refunded: 'CAPTURED',
    failed: 'FAILED',
  };
  return map[status];
}
