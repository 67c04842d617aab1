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

export function monthsOf(interval: string): number {
  const months = monthsPerInterval[interval];
  if (months === undefined) throw new RangeError(`Unknown plan interval ${interval}`);
  return months;
}

const DAY_MS = 86_400_000;

export interface Proration {
  /** Whole days left in the period; the day in progress counts as used. */
  unusedDays: number;
  periodDays: number;
  /** What the old plan's unused days were worth: credited to the customer. */
  creditMinor: bigint;
  /** What the new plan costs for those days. */
  newShareMinor: bigint;
  /** newShare − credit: what the upgrade charges now (never below zero). */
  chargeMinor: bigint;
}

/** price × days / periodDays rounded half up to the paisa, all in integers. */
const share = (priceMinor: bigint, days: number, periodDays: number): bigint =>
  (priceMinor * BigInt(days) * 2n + BigInt(periodDays)) / (2n * BigInt(periodDays));

/**
 * An upgrade within a paid period (the period's end does not move; the next renewal is at the new
 * price). Rounding rule: days are whole UTC days (the current day counts as used); each share is
 * price × unusedDays / periodDays rounded half up to the paisa, and the charge is the difference, so
 * customer and merchant see the same two published numbers.
 */
export function prorateUpgrade(
  oldPriceMinor: bigint,
  newPriceMinor: bigint,
  start: Date,
  end: Date,
  now: Date,
): Proration {
  const periodDays = Math.max(1, Math.round((end.getTime() - start.getTime()) / DAY_MS));
  const unusedDays = Math.max(0, Math.min(periodDays, Math.floor((end.getTime() - now.getTime()) / DAY_MS)));
  const creditMinor = share(oldPriceMinor, unusedDays, periodDays);
  const newShareMinor = share(newPriceMinor, unusedDays, periodDays);
  const chargeMinor = newShareMinor > creditMinor ? newShareMinor - creditMinor : 0n;
  return { unusedDays, periodDays, creditMinor, newShareMinor, chargeMinor };
}
