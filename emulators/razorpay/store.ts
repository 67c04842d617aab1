import { RazorpayApiError, notFound } from './apiError';
import {
  feeOf,
  razorpayId,
  unixNow,
  type OrderEntity,
  type PaymentEntity,
  type RefundEntity,
} from './entities';

/** What Razorpay would announce by webhook: the event name and the entities it contains. */
export interface GatewayEvent {
  event: string;
  payload: Record<string, { entity: object }>;
}

/** Razorpay's books in memory: orders, payments, refunds, with the transitions its API allows. */
export function createRazorpayStore(emit: (event: GatewayEvent) => void) {
  const orders = new Map<string, OrderEntity>();
  const payments = new Map<string, PaymentEntity>();
  const refunds = new Map<string, RefundEntity>();

  function order(id: string): OrderEntity {
    const found = orders.get(id);
    if (!found) throw notFound();
    return found;
  }
  function payment(id: string): PaymentEntity {
    const found = payments.get(id);
    if (!found) throw notFound();
    return found;
  }

  function createOrder(body: Record<string, unknown>): OrderEntity {
    const amount = body.amount;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
      throw new RazorpayApiError(400, 'The amount must be an integer.', 'amount');
    }
    if (amount < 100) throw new RazorpayApiError(400, 'The amount must be atleast INR 1.00', 'amount');
    const currency = typeof body.currency === 'string' ? body.currency : 'INR';
    if (currency !== 'INR') throw new RazorpayApiError(400, 'Currency is not supported', 'currency');
    const created: OrderEntity = {
      id: razorpayId('order'),
      entity: 'order',
      amount,
      amount_paid: 0,
      amount_due: amount,
      currency,
      receipt: typeof body.receipt === 'string' ? body.receipt : null,
      offer_id: null,
      status: 'created',
      attempts: 0,
      notes: (body.notes as Record<string, string> | undefined) ?? {},
      created_at: unixNow(),
      payment_capture: body.payment_capture === 1 || body.payment_capture === true,
    };
    orders.set(created.id, created);
    return created;
  }

  const publicOrder = ({ payment_capture: _capture, ...rest }: OrderEntity) => rest;

  /** What Checkout does when the customer pays (or fails to): the test stand-in for the browser. */
  function pay(
    orderId: string,
    outcome: { fail?: boolean; method?: string; quiet?: boolean } = {},
  ): PaymentEntity {
    const target = order(orderId);
    if (target.status === 'paid') throw new RazorpayApiError(400, 'Order has already been paid');
    target.attempts += 1;
    target.status = 'attempted';
    const created: PaymentEntity = {
      id: razorpayId('pay'),
      entity: 'payment',
      amount: target.amount,
      currency: target.currency,
      status: outcome.fail ? 'failed' : 'authorized',
      order_id: target.id,
      invoice_id: null,
      international: false,
      method: outcome.method ?? 'card',
      amount_refunded: 0,
      refund_status: null,
      captured: false,
      description: null,
      email: 'customer@example.test',
      contact: '+919800000000',
      notes: target.notes,
      fee: null,
      tax: null,
      error_code: outcome.fail ? 'BAD_REQUEST_ERROR' : null,
      error_description: outcome.fail ? 'Payment failed because the card was declined' : null,
      created_at: unixNow(),
    };
    payments.set(created.id, created);
    if (outcome.fail || !outcome.quiet) {
      emit({
        event: outcome.fail ? 'payment.failed' : 'payment.authorized',
        payload: { payment: { entity: { ...created } } },
      });
    }
    if (!outcome.fail && target.payment_capture)
      capture(created.id, { amount: created.amount }, outcome.quiet);
    return created;
  }

  function capture(paymentId: string, body: Record<string, unknown>, quiet = false): PaymentEntity {
    const target = payment(paymentId);
    if (target.status === 'captured' || target.captured) {
      throw new RazorpayApiError(400, 'This payment has already been captured');
    }
    if (target.status !== 'authorized') {
      throw new RazorpayApiError(
        400,
        'Only payments which have been authorized and not yet captured can be captured',
      );
    }
    if (body.amount !== target.amount) {
      throw new RazorpayApiError(400, 'Capture amount must be equal to the amount authorized', 'amount');
    }
    const { fee, tax } = feeOf(target.amount);
    Object.assign(target, { status: 'captured', captured: true, fee, tax });
    const paidOrder = order(target.order_id);
    Object.assign(paidOrder, { status: 'paid', amount_paid: target.amount, amount_due: 0 });
    if (quiet) return target;
    emit({ event: 'payment.captured', payload: { payment: { entity: { ...target } } } });
    emit({
      event: 'order.paid',
      payload: { payment: { entity: { ...target } }, order: { entity: publicOrder(paidOrder) } },
    });
    return target;
  }

  function refund(paymentId: string, body: Record<string, unknown>): RefundEntity {
    const target = payment(paymentId);
    if (!target.captured) throw new RazorpayApiError(400, 'The payment has not been captured');
    const remaining = target.amount - target.amount_refunded;
    if (remaining === 0) throw new RazorpayApiError(400, 'The payment has been fully refunded already');
    const amount = body.amount === undefined ? remaining : body.amount;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 100) {
      throw new RazorpayApiError(400, 'The amount must be atleast INR 1.00', 'amount');
    }
    if (amount > remaining) {
      throw new RazorpayApiError(400, 'The refund amount provided is greater than amount captured', 'amount');
    }
    const created: RefundEntity = {
      id: razorpayId('rfnd'),
      entity: 'refund',
      amount,
      currency: target.currency,
      payment_id: target.id,
      notes: (body.notes as Record<string, string> | undefined) ?? {},
      receipt: typeof body.receipt === 'string' ? body.receipt : null,
      acquirer_data: { arn: null },
      created_at: unixNow(),
      batch_id: null,
      status: 'processed',
      speed_processed: 'normal',
      speed_requested: 'normal',
    };
    refunds.set(created.id, created);
    target.amount_refunded += amount;
    target.refund_status = target.amount_refunded === target.amount ? 'full' : 'partial';
    if (target.refund_status === 'full') target.status = 'refunded';
    const contains = { refund: { entity: { ...created } }, payment: { entity: { ...target } } };
    emit({ event: 'refund.processed', payload: contains });
    return created;
  }

  /**
   * A recurring charge of a subscription: Razorpay makes an order and (auto-captured) payment for the
   * subscription's invoice itself. Announced by the subscription's own events, not here.
   */
  function recurringCharge(amount: number, currency: string, notes: Record<string, string>, fail: boolean) {
    const created = createOrder({ amount, currency, notes, payment_capture: true });
    const charged = pay(created.id, { fail, method: 'card', quiet: true });
    charged.invoice_id = razorpayId('inv');
    return charged;
  }

  return {
    recurringCharge,
    orders,
    payments,
    refunds,
    createOrder,
    fetchOrder: (id: string) => publicOrder(order(id)),
    publicOrder,
    pay,
    capture,
    refund,
    fetchPayment: payment,
    fetchRefund(id: string): RefundEntity {
      const found = refunds.get(id);
      if (!found) throw notFound();
      return found;
    },
  };
}

export type RazorpayStore = ReturnType<typeof createRazorpayStore>;
