import type { PaymentEntity, RefundEntity, SubscriptionEntity } from '../services/razorpayEntities';
import { captureAndRecord } from '../services/payments';
import { recordGatewayPayment } from '../services/paymentRecords';
import { recordGatewayRefund } from '../services/refundRecords';
import type { BillingRuntime } from '../services/runtime';
import { afterPlanPayment, recordSubscriptionCharge, syncSubscription } from '../services/subscriptionSync';

export interface RazorpayEvent {
  event: string;
  payload: {
    payment?: { entity: PaymentEntity };
    refund?: { entity: RefundEntity };
    subscription?: { entity: SubscriptionEntity };
  };
}

const txOptions = { timeout: 20_000, maxWait: 10_000 };

/**
 * Applies one webhook. Payment events go through the forward-only state machine, so `captured` before
 * `authorized` ends captured; `authorized` triggers our capture (a no-op if already captured).
 */
export async function applyRazorpayEvent(runtime: BillingRuntime, event: RazorpayEvent, eventId: string) {
  const payment = event.payload.payment?.entity;
  const subscription = event.payload.subscription?.entity;
  const correlationId = `razorpay-${eventId}`;
  switch (event.event) {
    case 'payment.authorized':
      if (payment)
        await afterPlanPayment(runtime, await captureAndRecord(runtime, payment.id, correlationId));
      return;
    case 'payment.captured':
    case 'payment.failed':
    case 'order.paid':
      if (payment) {
        const recorded = await runtime.prisma.$transaction(
          (tx) => recordGatewayPayment(tx, payment, runtime.settings, correlationId),
          txOptions,
        );
        await afterPlanPayment(runtime, recorded);
      }
      return;
    case 'subscription.charged':
      if (subscription && payment)
        await recordSubscriptionCharge(runtime, subscription, payment, correlationId);
      if (subscription) await syncSubscription(runtime, subscription.id, correlationId);
      return;
    case 'refund.processed':
    case 'refund.created': {
      const refund = event.payload.refund?.entity;
      if (!refund || !payment) return;
      await runtime.prisma.$transaction(async (tx) => {
        // The payment's own capture may not have been seen yet: record it first, then the refund.
        const recorded = await recordGatewayPayment(
          tx,
          { ...payment, status: 'captured' },
          runtime.settings,
          correlationId,
        );
        if (!recorded) return;
        const notes = refund.notes ?? {};
        await recordGatewayRefund(
          tx,
          recorded,
          refund,
          {
            idempotencyKey: notes.idempotency_key ?? null,
            requestHash: notes.request_hash ?? null,
            requestedBy: null,
            reason: null,
          },
          correlationId,
        );
      }, txOptions);
      return;
    }
    default:
      if (subscription && event.event.startsWith('subscription.')) {
        await syncSubscription(runtime, subscription.id, correlationId);
        return;
      }
      runtime.logger.debug({ event: event.event }, 'webhook event not used');
  }
}
