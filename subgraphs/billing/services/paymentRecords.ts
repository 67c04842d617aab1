import { randomUUID } from 'node:crypto';
import type { TransactionClient } from '../../../platform/prisma';
import type { Payment } from '../../../platform/prisma/generated/client';
import type { PaymentEntity } from './razorpayEntities';
import { applyCapture } from './captureEffects';
import { advancePayment, fromGatewayStatus, isCapturedOrLater } from './paymentStateMachine';
import type { BillingSettings } from './runtime';

/** Inserts the payment if new, then locks its row: every writer of one payment queues here. */
export async function lockPayment(
  tx: TransactionClient,
  entity: PaymentEntity,
  order: { id: string; userId: string },
): Promise<Payment> {
  await tx.$executeRawUnsafe(
    `INSERT INTO billing.payment (id, order_id, user_id, razorpay_payment_id, amount_minor, currency, method, updated_at)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7, now()) ON CONFLICT (razorpay_payment_id) DO NOTHING`,
    randomUUID(),
    order.id,
    order.userId,
    entity.id,
    BigInt(entity.amount),
    entity.currency,
    entity.method,
  );
  const [row] = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id::text FROM billing.payment WHERE razorpay_payment_id = $1 FOR UPDATE`,
    entity.id,
  );
  return tx.payment.findUniqueOrThrow({ where: { id: row!.id } });
}

/**
 * Applies what Razorpay says about a payment (webhook payload or API fetch) through the forward-only
 * state machine; the first time it reaches CAPTURED, the capture's effects follow in this transaction.
 * Returns null for a payment of an order that is not ours.
 */
export async function recordGatewayPayment(
  tx: TransactionClient,
  entity: PaymentEntity,
  settings: BillingSettings,
  correlationId: string | null,
): Promise<Payment | null> {
  const order = await tx.paymentOrder.findUnique({ where: { razorpayOrderId: entity.order_id } });
  if (!order) return null;
  if (BigInt(entity.amount) !== order.amountMinor || entity.currency !== order.currency) {
    throw new Error(
      `payment ${entity.id} is for ${entity.amount} ${entity.currency}, not the order's amount`,
    );
  }
  const payment = await lockPayment(tx, entity, order);
  const reported = fromGatewayStatus(entity.status);
  if (!reported) return payment;
  const next = advancePayment(payment.status, reported);
  if (next === payment.status) return payment;
  const capturing = isCapturedOrLater(next) && !isCapturedOrLater(payment.status);
  const updated = await tx.payment.update({
    where: { id: payment.id },
    data: capturing
      ? { status: next, feeMinor: BigInt(entity.fee ?? 0), capturedAt: new Date(), method: entity.method }
      : { status: next },
  });
  // A failed payment leaves its order open: Checkout lets the customer try again.
  if (capturing) await applyCapture(tx, updated, order, settings, correlationId);
  return updated;
}
