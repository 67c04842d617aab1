import { z } from 'zod';
import { BadUserInputError } from '../../../platform/errors';
import { Prisma } from '../../../platform/prisma';

/** Bounded by the columns, DECIMAL(30,10): longer values would be rounded or overflow. */
export const positiveDecimal = z
  .string()
  .regex(/^\d{1,20}(\.\d{1,10})?$/, 'must be a decimal string, e.g. 101.25')
  .refine((value) => /[1-9]/.test(value), 'must be positive');

export const symbolSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(32, 'is too long')
  .transform((symbol) => symbol.toUpperCase());

const MAX_EXPIRY_DAYS = 90;
const DAY_MS = 86_400_000;

/** Target and stop on the profitable and the losing side of the entry, for BUY and SELL. */
function checkLevels(
  input: { side: string; entryPrice: string; targetPrice?: string | null; stopLoss?: string | null },
  ctx: z.RefinementCtx,
) {
  const directional = input.side === 'BUY' || input.side === 'SELL';
  for (const field of ['targetPrice', 'stopLoss'] as const) {
    const value = input[field];
    if (directional && value == null)
      ctx.addIssue({ code: 'custom', path: [field], message: 'is required for BUY and SELL' });
    if (!directional && value != null)
      ctx.addIssue({ code: 'custom', path: [field], message: 'applies only to BUY and SELL' });
  }
  if (!directional || input.targetPrice == null || input.stopLoss == null) return;
  // zod runs this refinement even when a level failed its own check; Decimal would throw on "600a".
  const levels = [input.entryPrice, input.targetPrice, input.stopLoss];
  if (!levels.every((level) => positiveDecimal.safeParse(level).success)) return;
  const entry = new Prisma.Decimal(input.entryPrice);
  const above = input.side === 'BUY' ? 'targetPrice' : 'stopLoss';
  const below = input.side === 'BUY' ? 'stopLoss' : 'targetPrice';
  if (!entry.lessThan(input[above]!))
    ctx.addIssue({ code: 'custom', path: [above], message: `must be above entryPrice for ${input.side}` });
  else if (!entry.greaterThan(input[below]!))
    ctx.addIssue({ code: 'custom', path: [below], message: `must be below entryPrice for ${input.side}` });
}

export function publishSignalInputSchema(now: Date) {
  return z
    .object({
      symbol: symbolSchema,
      side: z.enum(['BUY', 'SELL', 'HOLD', 'EXIT']),
      strategy: z
        .string()
        .regex(/^[a-z0-9-]{1,64}$/, 'must be 1 to 64 characters of a-z, 0-9 and -')
        .nullish()
        .transform((strategy) => strategy ?? 'discretionary'),
      entryPrice: positiveDecimal,
      targetPrice: positiveDecimal.nullish(),
      stopLoss: positiveDecimal.nullish(),
      confidence: z
        .number()
        .int('must be a whole number')
        .min(0, 'must be 0 to 100')
        .max(100, 'must be 0 to 100'),
      expiresAt: z
        .date()
        .nullish()
        .refine((at) => !at || at.getTime() > now.getTime(), 'must be in the future')
        .refine(
          (at) => !at || at.getTime() <= now.getTime() + MAX_EXPIRY_DAYS * DAY_MS,
          `must be within ${MAX_EXPIRY_DAYS} days`,
        ),
      rationale: z
        .string()
        .trim()
        .min(1, 'must not be blank')
        .max(2000, 'must be at most 2000 characters')
        .nullish(),
    })
    .superRefine(checkLevels);
}

export type PublishSignalFields = z.infer<ReturnType<typeof publishSignalInputSchema>>;

export const createPriceAlertInputSchema = z.object({
  symbol: symbolSchema,
  direction: z.enum(['ABOVE', 'BELOW']),
  price: positiveDecimal,
});

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
