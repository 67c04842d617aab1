import { z } from 'zod';

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

export { parseInput } from '../../../platform/validation';
