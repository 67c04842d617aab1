import { BadUserInputError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';

/** Position of a course in the (createdAt desc, id desc) order. */
export interface CourseCursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor({ createdAt, id }: CourseCursor): string {
  return Buffer.from(JSON.stringify({ createdAt: createdAt.toISOString(), id })).toString('base64url');
}

/** Opaque to clients, so anything that does not decode to what we issued is their mistake. */
export function decodeCursor(cursor: string): CourseCursor {
  const invalid = () => new BadUserInputError('after is not a valid cursor', 'after');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof decoded !== 'object' || decoded === null) throw invalid();
  const { createdAt, id } = decoded as Record<string, unknown>;
  if (typeof createdAt !== 'string' || typeof id !== 'string' || !isUuid(id)) throw invalid();
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime())) throw invalid();
  return { createdAt: date, id };
}
