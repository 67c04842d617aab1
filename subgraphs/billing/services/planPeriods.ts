const monthsPerInterval: Record<string, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

export const PLAN_INTERVALS = Object.keys(monthsPerInterval);

/** The end of a period of `interval` starting at `start`, in calendar months (UTC). */
export function periodEnd(start: Date, interval: string): Date {
  const months = monthsPerInterval[interval];
  if (months === undefined) throw new RangeError(`Unknown plan interval ${interval}`);
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + months);
  return end;
}

/**
 * What is left of a paid period, in paise of its price: an upgrade is charged the new price less this.
 * Rounded down, so a credit never exceeds what was paid.
 */
export function unusedCredit(priceMinor: bigint, start: Date, end: Date | null, now: Date): bigint {
  if (!end || priceMinor <= 0n || now >= end) return 0n;
  const total = BigInt(end.getTime() - start.getTime());
  const left = BigInt(end.getTime() - Math.max(now.getTime(), start.getTime()));
  return total > 0n ? (priceMinor * left) / total : 0n;
}
