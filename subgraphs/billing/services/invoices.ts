import type { TransactionClient } from '../../../platform/prisma';
import type { Invoice, Payment, PaymentOrder } from '../../../platform/prisma/generated/client';
import { gstBreakdown } from './gst';
import type { Seller } from './invoiceHtml';

const IST_OFFSET_MS = 330 * 60_000;

/** Indian financial year (April to March, in IST) of a moment: "2026-27". */
export function financialYearOf(at: Date): string {
  const ist = new Date(at.getTime() + IST_OFFSET_MS);
  const startYear = ist.getUTCMonth() >= 3 ? ist.getUTCFullYear() : ist.getUTCFullYear() - 1;
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export const invoiceNumber = (financialYear: string, sequence: number) =>
  `TS/${financialYear}/${String(sequence).padStart(6, '0')}`;

/**
 * Issues the tax invoice of a captured payment, once (unique per payment). Numbers must have no gaps
 * within a financial year, so the next number is taken under a per-year advisory lock in the
 * capture's transaction: a rolled-back capture takes its number with it.
 */
export async function issueInvoice(
  tx: TransactionClient,
  payment: Payment,
  order: PaymentOrder,
  description: string,
  seller: Seller,
): Promise<Invoice> {
  const existing = await tx.invoice.findUnique({ where: { paymentId: payment.id } });
  if (existing) return existing;
  const issuedAt = payment.capturedAt ?? new Date();
  const financialYear = financialYearOf(issuedAt);
  await tx.$executeRawUnsafe(
    `SELECT pg_advisory_xact_lock(hashtext($1))`,
    `billing.invoice:${financialYear}`,
  );
  const last = await tx.invoice.aggregate({ where: { financialYear }, _max: { sequence: true } });
  const sequence = (last._max.sequence ?? 0) + 1;
  return tx.invoice.create({
    data: {
      number: invoiceNumber(financialYear, sequence),
      financialYear,
      sequence,
      paymentId: payment.id,
      userId: payment.userId,
      description,
      currency: payment.currency,
      placeOfSupply: order.placeOfSupply,
      issuedAt,
      sellerName: seller.name,
      sellerGstin: seller.gstin,
      sellerAddress: seller.address,
      buyerGstin: order.buyerGstin,
      ...gstBreakdown(payment.amountMinor, seller.state, order.placeOfSupply),
    },
  });
}
