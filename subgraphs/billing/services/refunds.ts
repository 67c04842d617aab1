import { BadUserInputError, ForbiddenError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import { parseDecimalToMinorUnits } from '../../../platform/money';
import type { Refund } from '../../../platform/prisma/generated/client';
import type { BillingContext } from '../context';
import { isAdmin, requireOwnedRow, requireViewer } from '../../../platform/auth/access';
import { assertIdempotencyKey, assertSameRequest, requestHash } from './idempotency';
import { isCapturedOrLater } from './paymentStateMachine';
import { recordGatewayRefund } from './refundRecords';
import type { BillingRuntime } from './runtime';
import { stopRenewalAfterFullRefund } from './subscriptionSync';

export interface RefundPaymentInput {
  paymentId: string;
  /** Decimal string in the payment's currency; omitted: whatever is left to refund. */
  amount?: string | null;
  idempotencyKey: string;
  reason?: string | null;
}

function parseAmount(amount: string, currency: string): bigint {
  try {
    const minor = parseDecimalToMinorUnits(amount, currency);
    if (minor > 0n) return minor;
  } catch {
    // reported below with the field
  }
  throw new BadUserInputError('amount must be a positive decimal amount', 'amount');
}

export const refundService = {
  async refundPayment(
    ctx: BillingContext,
    runtime: BillingRuntime,
    input: RefundPaymentInput,
  ): Promise<Refund> {
    const viewer = requireViewer(ctx.viewer);
    assertIdempotencyKey(input.idempotencyKey);
    const found = isUuid(input.paymentId)
      ? await ctx.prisma.payment.findUnique({ where: { id: input.paymentId } })
      : null;
    const payment = requireOwnedRow(viewer, found, 'Payment', input.paymentId);
    const requested = input.amount ? parseAmount(input.amount, payment.currency) : null;
    const reason = input.reason?.trim().slice(0, 500) || null;
    const hash = requestHash({ paymentId: payment.id, amount: requested?.toString() ?? 'rest', reason });
    const key = { paymentId_idempotencyKey: { paymentId: payment.id, idempotencyKey: input.idempotencyKey } };
    const replay = async () => {
      const previous = await ctx.prisma.refund.findUnique({ where: key });
      if (previous) assertSameRequest(previous.requestHash, hash);
      return previous;
    };
    const previous = await replay();
    if (previous) return previous;

    const refund = await ctx.prisma.$transaction(
      async (tx) => {
        // One refund of a payment at a time: the remaining amount is checked and spent under this lock.
        await tx.$queryRawUnsafe(`SELECT 1 FROM billing.payment WHERE id = $1::uuid FOR UPDATE`, payment.id);
        const raced = await tx.refund.findUnique({ where: key });
        if (raced) {
          assertSameRequest(raced.requestHash, hash);
          return raced;
        }
        const locked = await tx.payment.findUniqueOrThrow({ where: { id: payment.id } });
        if (!isCapturedOrLater(locked.status)) {
          throw new BadUserInputError('Only captured payments can be refunded', 'paymentId');
        }
        const remaining = locked.amountMinor - locked.refundedMinor;
        const amountMinor = requested ?? remaining;
        if (amountMinor <= 0n || amountMinor > remaining) {
          throw new BadUserInputError(`At most ${remaining} paise can still be refunded`, 'amount');
        }
        if (amountMinor > runtime.settings.refundSelfServiceLimitMinor && !isAdmin(viewer)) {
          throw new ForbiddenError('Refunds of this size need an admin', {
            limitMinor: runtime.settings.refundSelfServiceLimitMinor.toString(),
          });
        }
        // The key and hash travel in the refund's notes: should this transaction fail after Razorpay
        // refunded, the refund.processed webhook records the refund under the same key, and a retry
        // of this request finds it instead of refunding twice.
        const entity = await runtime.razorpay.refund(locked.razorpayPaymentId, amountMinor, {
          idempotency_key: input.idempotencyKey,
          request_hash: hash,
        });
        const meta = {
          idempotencyKey: input.idempotencyKey,
          requestHash: hash,
          requestedBy: viewer.userId,
          reason,
        };
        return recordGatewayRefund(tx, locked, entity, meta, ctx.correlationId);
      },
      { timeout: 20_000, maxWait: 10_000 },
    );
    // The plan fell back to FREE with the full refund: Razorpay must stop renewing it too.
    await stopRenewalAfterFullRefund(runtime, payment.id).catch((error: unknown) =>
      ctx.logger.error({ err: error, paymentId: payment.id }, 'cancelling the refunded subscription failed'),
    );
    return refund;
  },

  async forPayment(ctx: BillingContext, paymentId: string): Promise<Refund[]> {
    return ctx.loaders.refundsByPaymentId.load(paymentId);
  },
};
