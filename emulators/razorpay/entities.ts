import { randomInt } from 'node:crypto';

export type * from '../../subgraphs/billing/services/razorpayEntities';

/** Razorpay ids: a prefix and 14 base-62 characters, e.g. order_N5Fz0jq2l1r3bX. */
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function razorpayId(prefix: string): string {
  let id = '';
  for (let i = 0; i < 14; i += 1) id += alphabet[randomInt(alphabet.length)];
  return `${prefix}_${id}`;
}

export const unixNow = (): number => Math.floor(Date.now() / 1000);

/** Razorpay's fee: 2% of the amount plus 18% GST on the fee; `fee` includes `tax`. */
export function feeOf(amount: number): { fee: number; tax: number } {
  const base = Math.round((amount * 2) / 100);
  const tax = Math.round((base * 18) / 100);
  return { fee: base + tax, tax };
}
