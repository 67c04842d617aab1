import type { Invoice, PaymentOrder } from '../../../platform/prisma/generated/client';
import type { BillingContext } from '../context';
import { assertSelfOrAdmin, canSee } from './access';

export const invoiceService = {
  async byId(ctx: BillingContext, id: string): Promise<Invoice | null> {
    const invoice = await ctx.loaders.invoiceById.load(id);
    return invoice && canSee(ctx.viewer, invoice.userId) ? invoice : null;
  },
  async forUser(ctx: BillingContext, userId: string): Promise<Invoice[]> {
    assertSelfOrAdmin(ctx.viewer, userId);
    return ctx.loaders.invoicesByUserId.load(userId);
  },
  async ordersOf(ctx: BillingContext, userId: string): Promise<PaymentOrder[]> {
    assertSelfOrAdmin(ctx.viewer, userId);
    return ctx.loaders.ordersByUserId.load(userId);
  },
};
