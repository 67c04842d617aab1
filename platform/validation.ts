import type { z } from 'zod';
import { BadUserInputError } from './errors';

/** Parses input or throws BAD_USER_INPUT naming the first field at fault (every subgraph's mutations). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  throw new BadUserInputError(`${field ?? 'input'} ${issue?.message ?? 'is invalid'}`, field);
}
