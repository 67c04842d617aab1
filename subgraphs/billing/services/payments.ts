import { BadUserInputError, NotFoundError } from '../../../platform/errors';
import type { Payment } from '../../../platform/prisma/generated/client';
import type { BillingContext } from '../context';
import type { PaymentEntity } from './razorpayEntities';
import { requireOwnedRow, requireViewer } from '../../../platform/auth/access';
import { recordGatewayPayment } from './paymentRecords';
import { RazorpayError } from './razorpayClient';
import type { BillingRuntime } from './runtime';
import { signatureMatches } from './signatures';
import { afterPlanPayment } from './subscriptionSync';

export interface VerifyPaymentInput {
  razorpayOrderId: string;
  razorpayPaymentId: string;
  razorpaySignature: string;
}

async function record(runtime: BillingRuntime, entity: PaymentEntity, correlationId: string | null) {
  return runtime.prisma.$transaction(
    (tx) => recordGatewayPayment(tx, entity, runtime.settings, correlationId),
    { timeout: 20_000, maxWait: 10_000 },
  );
}

/**
 * Captures an authorized payment at Razorpay (once: a second capture is refused there with "already
 * captured", and we then read its state) and records what Razorpay reports.
 */
export async function captureAndRecord(
  runtime: BillingRuntime,
  razorpayPaymentId: string,
  correlationId: string | null,
): Promise<Payment | null> {
  let entity = await runtime.razorpay.fetchPayment(razorpayPaymentId);
  if (entity.status === 'authorized') {
    try {
      entity = await runtime.razorpay.capture(entity.id, BigInt(entity.amount), entity.currency);
    } catch (error) {
      if (!(error instanceof RazorpayError) || error.status !== 400) throw error;
      entity = await runtime.razorpay.fetchPayment(razorpayPaymentId);
    }
  }
  return record(runtime, entity, correlationId);
}

export const paymentService = {
  async verifyPayment(
    ctx: BillingContext,
    runtime: BillingRuntime,
    input: VerifyPaymentInput,
  ): Promise<Payment> {
    const viewer = requireViewer(ctx.viewer);
    const order = await ctx.prisma.paymentOrder.findUnique({
      where: { razorpayOrderId: input.razorpayOrderId },
    });
    if (!order || order.userId !== viewer.userId) throw new NotFoundError('Order', input.razorpayOrderId);
    const signed = `${input.razorpayOrderId}|${input.razorpayPaymentId}`;
    if (!signatureMatches(runtime.razorpay.settings.keySecret, signed, input.razorpaySignature)) {
      throw new BadUserInputError('The payment signature does not match', 'razorpaySignature');
    }
    const entity = await runtime.razorpay.fetchPayment(input.razorpayPaymentId);
    if (entity.order_id !== input.razorpayOrderId) {
      throw new BadUserInputError('The payment belongs to another order', 'razorpayPaymentId');
    }
    const payment = await captureAndRecord(runtime, input.razorpayPaymentId, ctx.correlationId);
    if (!payment) throw new NotFoundError('Order', input.razorpayOrderId);
    // The payment is ours either way; a failed plan move at Razorpay is retried by its webhooks.
    await afterPlanPayment(runtime, payment).catch((error: unknown) =>
      ctx.logger.warn({ err: error, paymentId: payment.id }, 'moving the Razorpay plan failed; will retry'),
    );
    ctx.logger.info({ paymentId: payment.id, status: payment.status }, 'payment verified');
    return payment;
  },

  async byId(ctx: BillingContext, id: string): Promise<Payment> {
    return requireOwnedRow(ctx.viewer, await ctx.loaders.paymentById.load(id), 'Payment', id);
  },
};
