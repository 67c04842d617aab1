import { formatMinorUnits } from '../../../platform/money';
import type { Invoice } from '../../../platform/prisma/generated/client';
import { invoiceParties, invoiceTaxRows } from './invoiceHtml';

/** PDF strings are Latin-1 with ( ) \ escaped; anything outside printable ASCII becomes "?". */
const pdfText = (text: string) => text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);

/**
 * A single-page PDF 1.4 with the invoice's lines in Helvetica: written by hand (objects, content
 * stream, cross-reference table with byte offsets) because no PDF package is installed. Every byte is
 * ASCII, so string length equals byte length for the offsets.
 */
export function renderInvoicePdf(invoice: Invoice): Buffer {
  const amount = (minor: bigint) => `${invoice.currency} ${formatMinorUnits(minor, invoice.currency)}`;
  const lines: [number, string][] = [
    [18, 'Tax invoice'],
    ...invoiceParties(invoice).map((line): [number, string] => [11, line.replaceAll(' · ', ' - ')]),
    [11, `Invoice number ${invoice.number}`],
    [11, `Date ${invoice.issuedAt.toISOString().slice(0, 10)}   Place of supply ${invoice.placeOfSupply}`],
    [11, invoice.description],
    [11, `Taxable value: ${amount(invoice.taxableMinor)}`],
    ...invoiceTaxRows(invoice).map(([label, minor]): [number, string] => [11, `${label}: ${amount(minor)}`]),
    [12, `Total: ${amount(invoice.totalMinor)}`],
  ];
  const content = lines
    .map(([size, text], i) => `BT /F1 ${size} Tf 56 ${780 - i * 24} Td (${pdfText(text)}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
