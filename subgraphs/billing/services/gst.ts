/** GST on what we sell: 18%, included in every price (B2C prices in India are quoted tax-inclusive). */
export const GST_RATE_PERCENT = 18n;

/** The GST inside a tax-inclusive amount, rounded half up to the paisa; monotonic in `grossMinor`. */
export function gstIncluded(grossMinor: bigint): bigint {
  const divisor = 100n + GST_RATE_PERCENT;
  return (grossMinor * GST_RATE_PERCENT * 2n + divisor) / (2n * divisor);
}

export interface GstBreakdown {
  taxableMinor: bigint;
  cgstMinor: bigint;
  sgstMinor: bigint;
  igstMinor: bigint;
  totalMinor: bigint;
}

/** Intra-state supply splits GST into CGST and SGST halves; inter-state supply is all IGST. */
export function gstBreakdown(grossMinor: bigint, sellerState: string, buyerState: string): GstBreakdown {
  const gst = gstIncluded(grossMinor);
  const taxableMinor = grossMinor - gst;
  if (sellerState.toUpperCase() !== buyerState.toUpperCase()) {
    return { taxableMinor, cgstMinor: 0n, sgstMinor: 0n, igstMinor: gst, totalMinor: grossMinor };
  }
  const cgstMinor = gst / 2n;
  return { taxableMinor, cgstMinor, sgstMinor: gst - cgstMinor, igstMinor: 0n, totalMinor: grossMinor };
}
