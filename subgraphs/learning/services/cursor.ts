import { BadUserInputError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { Course } from '../../../platform/prisma/generated/client';
import type { CourseOrder } from '../generated/resolvers-types';

/** Position of a course in one catalog order: the order, its sort key as a string, and the id tie-break. */
export interface CourseCursor {
  order: CourseOrder;
  key: string;
  id: string;
}

export const orders: readonly CourseOrder[] = ['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'TITLE'];

export function sortKeyOf(order: CourseOrder, course: Course): string {
  if (order === 'NEWEST') return course.createdAt.toISOString();
  if (order === 'TITLE') return course.title;
  return course.priceMinor.toString();
}

export function encodeCursor(order: CourseOrder, course: Course): string {
  const cursor = { o: order, k: sortKeyOf(order, course), id: course.id };
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function validKey(order: CourseOrder, key: string): boolean {
  if (order === 'NEWEST') return !Number.isNaN(new Date(key).getTime());
  if (order === 'TITLE') return true;
  return /^\d{1,18}$/.test(key);
}

/** Opaque to clients, so anything that does not decode to what we issued for this order is their mistake. */
export function decodeCursor(cursor: string, order: CourseOrder): CourseCursor {
  const invalid = () => new BadUserInputError('after is not a valid cursor for this orderBy', 'after');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof decoded !== 'object' || decoded === null) throw invalid();
  const { o, k, id } = decoded as Record<string, unknown>;
  if (o !== order || typeof k !== 'string' || typeof id !== 'string' || !isUuid(id)) throw invalid();
  if (!validKey(order, k)) throw invalid();
  return { order, key: k, id };
}
