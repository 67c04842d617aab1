import { formatMinorUnits } from '../../../platform/money';
import type { Invoice } from '../../../platform/prisma/generated/client';
import { gstStateOfCode } from './gstStates';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The seller printed on tax invoices (see ../sellerSettings: from configuration). */
export interface Seller {
  name: string;
  gstin: string;
  address: string;
  /** Its GST state abbreviation, the GSTIN's first two digits ("MH"). */
  state: string;
}

/**
 * The parties' lines of an invoice, from what it stored when issued: the seller (its state from its
 * GSTIN) and, on a B2B invoice, the buyer's GSTIN.
 */
export function invoiceParties(invoice: Invoice): string[] {
  const state = gstStateOfCode(invoice.sellerGstin.slice(0, 2)) ?? invoice.sellerGstin.slice(0, 2);
  return [
    `${invoice.sellerName} · GSTIN ${invoice.sellerGstin} · State ${state}`,
    ...(invoice.sellerAddress ? [invoice.sellerAddress] : []),
    ...(invoice.buyerGstin ? [`Buyer GSTIN ${invoice.buyerGstin}`] : []),
  ];
}

/** Inter-state supply shows IGST; intra-state shows the CGST and SGST halves. */
export const invoiceTaxRows = (invoice: Invoice): [string, bigint][] =>
  invoice.igstMinor > 0n
    ? [['IGST @ 18%', invoice.igstMinor]]
    : [
        ['CGST @ 9%', invoice.cgstMinor],
        ['SGST @ 9%', invoice.sgstMinor],
      ];

/** A self-contained HTML tax invoice (prints to PDF from any browser). */
export function renderInvoiceHtml(invoice: Invoice) {
  const amount = (minor: bigint) => `${invoice.currency} ${formatMinorUnits(minor, invoice.currency)}`;
  const rows: [string, bigint][] = [
    ['Taxable value', invoice.taxableMinor],
    ...invoiceTaxRows(invoice),
    ['Total', invoice.totalMinor],
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tax invoice ${escapeHtml(invoice.number)}</title>
<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto}td{padding:.25rem 1rem}td:last-child{text-align:right}</style>
</head><body>
<h1>Tax invoice</h1>
${invoiceParties(invoice)
  .map((line) => `<p>${escapeHtml(line)}</p>`)
  .join('\n')}
<p>Invoice number <strong>${escapeHtml(invoice.number)}</strong><br>Date ${invoice.issuedAt.toISOString().slice(0, 10)}<br>
Place of supply ${escapeHtml(invoice.placeOfSupply)}</p>
<p>${escapeHtml(invoice.description)}</p>
<table>${rows.map(([label, minor]) => `<tr><td>${label}</td><td>${amount(minor)}</td></tr>`).join('')}</table>
</body></html>`;
}
