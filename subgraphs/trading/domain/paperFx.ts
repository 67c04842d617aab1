import { Prisma } from '../../../platform/prisma';

/**
 * Paper trading keeps one cash balance, in INR. Instruments quoted in another currency convert at a
 * FIXED rate (documented in the schema, never a live rate): simple and predictable for learners,
 * and honest about being a simulation. Live accounts would hold per-currency balances instead.
 */
export const paperFxRates: Record<string, Prisma.Decimal> = {
  INR: new Prisma.Decimal(1),
  USDT: new Prisma.Decimal(85),
  USD: new Prisma.Decimal(85),
};

/** "BTC-USDT" → USDT; "NSE:RELIANCE" (no dash quote) → INR. */
export function quoteCurrencyOf(symbol: string): string {
  const dash = symbol.lastIndexOf('-');
  return dash > 0 ? symbol.slice(dash + 1) : 'INR';
}

export function isSupportedSymbol(symbol: string): boolean {
  return paperFxRates[quoteCurrencyOf(symbol)] !== undefined;
}

/** An amount in the symbol's quote currency as INR paise, rounded half up. */
export function toInrMinor(symbol: string, amount: Prisma.Decimal): bigint {
  const rate = paperFxRates[quoteCurrencyOf(symbol)];
  if (!rate) throw new RangeError(`No paper FX rate for ${symbol}`);
  return BigInt(amount.mul(rate).mul(100).toDecimalPlaces(0, Prisma.Decimal.ROUND_HALF_UP).toFixed(0));
}
