/** Digits after the decimal point per ISO 4217 code; amounts are stored as integers of the minor unit. */
const minorUnitDigits: Record<string, number> = { INR: 2, USD: 2, EUR: 2, USDT: 2, JPY: 0 };

export interface Money {
  amount: string;
  currency: string;
}

export function currencyDigits(currency: string): number {
  const digits = minorUnitDigits[currency];
  if (digits === undefined) throw new RangeError(`Unsupported currency ${currency}`);
  return digits;
}

/** 299900n INR → "2999.00": exact, no floating point anywhere. */
export function formatMinorUnits(minor: bigint, currency: string): string {
  const digits = currencyDigits(currency);
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? abs : abs.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${abs.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** "2999.00" or "2999" INR → 299900n; rejects more decimals than the currency has. */
export function parseDecimalToMinorUnits(amount: string, currency: string): bigint {
  const digits = currencyDigits(currency);
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`"${amount}" is not a decimal amount`);
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) throw new RangeError(`${currency} amounts have at most ${digits} decimals`);
  const minor = BigInt(whole + fraction.padEnd(digits, '0'));
  return sign ? -minor : minor;
}

export function money(minor: bigint, currency: string): Money {
  return { amount: formatMinorUnits(minor, currency), currency };
}
