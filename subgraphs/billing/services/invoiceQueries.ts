import type { Invoice, PaymentOrder } from '../../../platform/prisma/generated/client';
import type { BillingContext } from '../context';
import { requireOwnedRow, requireOwner } from '../../../platform/auth/access';
import { renderInvoiceHtml } from './invoiceHtml';
import { renderInvoicePdf } from './invoicePdf';

export const invoiceService = {
  async byId(ctx: BillingContext, id: string): Promise<Invoice> {
    return requireOwnedRow(ctx.viewer, await ctx.loaders.invoiceById.load(id), 'Invoice', id);
  },
  async forUser(ctx: BillingContext, userId: string): Promise<Invoice[]> {
    requireOwner(ctx.viewer, userId, 'User', userId);
    return ctx.loaders.invoicesByUserId.load(userId);
  },
  /** The invoice as a file, for its owner or an admin; NOT_FOUND for anyone else's (its existence is private). */
  async document(ctx: BillingContext, id: string, format: 'HTML' | 'PDF') {
    const invoice = await invoiceService.byId(ctx, id);
    const name = invoice.number.replaceAll('/', '-');
    if (format === 'PDF') {
      return {
        filename: `${name}.pdf`,
        contentType: 'application/pdf',
        contentBase64: renderInvoicePdf(invoice).toString('base64'),
      };
    }
    return {
      filename: `${name}.html`,
      contentType: 'text/html; charset=utf-8',
      contentBase64: Buffer.from(renderInvoiceHtml(invoice), 'utf8').toString('base64'),
    };
  },
  async ordersOf(ctx: BillingContext, userId: string): Promise<PaymentOrder[]> {
    requireOwner(ctx.viewer, userId, 'User', userId);
    return ctx.loaders.ordersByUserId.load(userId);
  },
};
