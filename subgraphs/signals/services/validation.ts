import { z } from 'zod';
import { BadUserInputError } from '../../../platform/errors';

export const publishSignalInputSchema = z.object({
  symbol: z
    .string()
    .trim()
    .min(1, 'is required')
    .transform((symbol) => symbol.toUpperCase()),
  side: z.enum(['BUY', 'SELL']),
  strategy: z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be 1 to 64 characters of a-z, 0-9 and -'),
  // Bounded by the column, DECIMAL(30,10): longer values would be rounded or overflow.
  price: z
    .string()
    .regex(/^\d{1,20}(\.\d{1,10})?$/, 'must be a decimal string, e.g. 101.25')
    .refine((price) => /[1-9]/.test(price), 'must be positive'),
  confidence: z
    .string()
    .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, 'must be a decimal between 0 and 1 with at most 4 decimals'),
});

export type PublishSignalFields = z.infer<typeof publishSignalInputSchema>;

export { parseInput } from '../../../platform/validation';

/** Page sizes are bounded so one request cannot ask for the whole table. */
export function boundedCount(value: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new BadUserInputError(`${field} must be between 1 and ${max}`, field);
  }
  return value;
}

const BIGINT_MAX = 2n ** 63n - 1n;

/** Sequences travel as decimal strings of a Postgres bigint. */
export function parseSequence(value: string, field: string): bigint {
  const sequence = /^\d{1,19}$/.test(value) ? BigInt(value) : undefined;
  if (sequence === undefined || sequence > BIGINT_MAX) {
    throw new BadUserInputError(
      `${field} must be a non-negative integer sequence, as a decimal string`,
      field,
    );
  }
  return sequence;
}
