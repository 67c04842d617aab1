import { formatMinorUnits } from '../../../platform/money';
import type { Invoice } from '../../../platform/prisma/generated/client';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export interface Seller {
  name: string;
  gstin: string;
  state: string;
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
export function renderInvoiceHtml(invoice: Invoice, seller: Seller) {
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
<p>${escapeHtml(seller.name)} · GSTIN ${escapeHtml(seller.gstin)} · State ${escapeHtml(seller.state)}</p>
<p>Invoice number <strong>${escapeHtml(invoice.number)}</strong><br>Date ${invoice.issuedAt.toISOString().slice(0, 10)}<br>
Place of supply ${escapeHtml(invoice.placeOfSupply)}</p>
<p>${escapeHtml(invoice.description)}</p>
<table>${rows.map(([label, minor]) => `<tr><td>${label}</td><td>${amount(minor)}</td></tr>`).join('')}</table>
</body></html>`;
}
