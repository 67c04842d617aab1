// Pure helpers of the dashboard (no DOM): money as exact paise, UTC days, percentages.

const inr = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' });
const integer = new Intl.NumberFormat('en-IN');

/** "2999.00" → 299900n: money crosses the API as decimal strings and is added up exactly. */
export function toPaise(amount: string): bigint {
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`not a money amount: ${amount}`);
  const paise = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -paise : paise;
}

export function formatPaise(paise: bigint): string {
  const negative = paise < 0n;
  const abs = negative ? -paise : paise;
  const rupees = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  return `${negative ? '-' : ''}${inr.format(Number(rupees))}`;
}

export const formatMoney = (amount: string): string => formatPaise(toPaise(amount));

export const formatCount = (value: number): string => integer.format(value);

const compact = new Intl.NumberFormat('en-IN', { notation: 'compact', maximumFractionDigits: 1 });

/** Axis labels: 250000 → "2.5L" (Indian grouping: thousand, lakh, crore). */
export const formatCompact = (value: number): string => compact.format(value);

export function formatPercent(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined) return '—';
  const text = (rate * 100).toFixed(digits);
  // toFixed keeps the sign of a tiny negative rate: "-0.00" reads as a loss that is not there.
  return `${Number(text) === 0 ? (0).toFixed(digits) : text}%`;
}

const DAY_MS = 86_400_000;

export interface DateRange {
  from: string;
  to: string;
  /** Every UTC day of the range, "YYYY-MM-DD", ascending. */
  days: string[];
}

/** The last `days` UTC days up to and including today, as the half-open [from, to) the API takes. */
export function lastDays(days: number, now = Date.now()): DateRange {
  const end = Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
  const start = end - days * DAY_MS;
  const list: string[] = [];
  for (let t = start; t < end; t += DAY_MS) list.push(new Date(t).toISOString().slice(0, 10));
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString(), days: list };
}

/** Seconds since the epoch of a "YYYY-MM-DD" UTC day (uPlot's x axis). */
export const daySeconds = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 1000;

/** One value per day of the range (0 where the API sent no entry: it lists only days with data). */
export function perDay<T extends { day: string }>(
  range: DateRange,
  rows: readonly T[],
  value: (row: T) => number,
): number[] {
  const byDay = new Map(rows.map((row) => [row.day, value(row)]));
  return range.days.map((day) => byDay.get(day) ?? 0);
}

export const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0);
