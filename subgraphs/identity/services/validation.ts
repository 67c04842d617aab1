import { z } from 'zod';
import { BadUserInputError } from '../../../platform/errors';

export const emailSchema = z.email('must be a valid email address').max(254);

/** Length beats composition rules; two kinds of character stops "aaaaaaaaaa" and "1234567890". */
export const passwordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(128, 'must be at most 128 characters')
  .refine(
    (value) => [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((kind) => kind.test(value)).length >= 2,
    'must mix at least two of: lower case, upper case, digits, symbols',
  );

export const registerInputSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1).max(120).nullish(),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{7,14}$/, 'must be in E.164 form, e.g. +919876543210')
    .nullish(),
});

/** Parses input or throws BAD_USER_INPUT naming the first field at fault. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  throw new BadUserInputError(`${field ?? 'input'} ${issue?.message ?? 'is invalid'}`, field);
}
