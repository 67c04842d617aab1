import { NotFoundError } from '../../../platform/errors';
import { money } from '../../../platform/money';
import type { Resolvers } from '../generated/resolvers-types';
import { renderInvoiceHtml } from '../services/invoiceHtml';
import { invoiceService } from '../services/invoiceQueries';
import { orderService } from '../services/orders';
import { paymentService } from '../services/payments';
import { refundService } from '../services/refunds';
import type { BillingRuntime } from '../services/runtime';

/** Order, Payment, Refund and Invoice: every child list goes through a per-request DataLoader. */
export function paymentResolvers(runtime: BillingRuntime): Resolvers {
  return {
    Order: {
      __resolveReference: (reference, ctx) => orderService.byId(ctx, reference.id),
      razorpayKeyId: () => runtime.razorpay.settings.keyId,
      amount: (order) => money(order.amountMinor, order.currency),
      credit: (order) => money(order.creditMinor, order.currency),
      plan: (order, _args, ctx) => (order.planId ? ctx.loaders.planById.load(order.planId) : null),
      payments: (order, _args, ctx) => ctx.loaders.paymentsByOrderId.load(order.id),
    },
    Payment: {
      __resolveReference: (reference, ctx) => paymentService.byId(ctx, reference.id),
      order: async (payment, _args, ctx) => {
        const order = await ctx.loaders.orderById.load(payment.orderId);
        if (!order) throw new NotFoundError('Order', payment.orderId);
        return order;
      },
      amount: (payment) => money(payment.amountMinor, payment.currency),
      refunded: (payment) => money(payment.refundedMinor, payment.currency),
      fee: (payment) => money(payment.feeMinor, payment.currency),
      refunds: (payment, _args, ctx) => refundService.forPayment(ctx, payment.id),
      invoice: (payment, _args, ctx) => ctx.loaders.invoiceByPaymentId.load(payment.id),
    },
    Refund: {
      amount: (refund) => money(refund.amountMinor, refund.currency),
    },
    Invoice: {
      __resolveReference: (reference, ctx) => invoiceService.byId(ctx, reference.id),
      taxable: (invoice) => money(invoice.taxableMinor, invoice.currency),
      cgst: (invoice) => money(invoice.cgstMinor, invoice.currency),
      sgst: (invoice) => money(invoice.sgstMinor, invoice.currency),
      igst: (invoice) => money(invoice.igstMinor, invoice.currency),
      total: (invoice) => money(invoice.totalMinor, invoice.currency),
      html: (invoice) => renderInvoiceHtml(invoice),
    },
    ComplianceReview: {
      payment: async (review, _args, ctx) => {
        const payment = await ctx.loaders.paymentById.load(review.paymentId);
        if (!payment) throw new NotFoundError('Payment', review.paymentId);
        return payment;
      },
    },
    LedgerBalance: {
      balance: (row) => money(row.balanceMinor, row.currency),
    },
  };
}
