import { BadUserInputError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { Prisma } from '../../../platform/prisma';
import type { Signal } from '../../../platform/prisma/generated/client';
import type { SignalFilter } from '../generated/resolvers-types';
import { boundedCount, parseSequence } from './validation';

export const MAX_SIGNALS = 100;
const DEFAULT_PAGE = 20;

export interface SignalPageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  filter?: SignalFilter | null;
  /** Alias of `after`, kept from before the connection. */
  afterSequence?: string | null;
}

/** What `Query.signals` resolves to; `SignalConnection` is mapped to it. */
export interface SignalPage {
  signals: Signal[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** The filter as a Prisma condition; instrument symbols are matched case-insensitively. */
export function filterWhere(filter: SignalFilter | null | undefined): Prisma.SignalWhereInput {
  if (!filter) return {};
  const where: Prisma.SignalWhereInput = {};
  if (filter.instruments)
    where.instrument = { symbol: { in: filter.instruments.map((s) => s.trim().toUpperCase()) } };
  // Source ids are UUIDs; another string names no source (and Postgres would refuse to compare it).
  if (filter.sources) where.sourceId = { in: filter.sources.filter(isUuid) };
  if (filter.since) where.createdAt = { gte: filter.since };
  if (filter.status) where.status = { in: [...filter.status] };
  return where;
}

/**
 * Relay cursor pagination over `visible` (the tier's window), in ascending sequence order; the cursor is
 * the sequence, so a reconnecting client resumes with `after: <last sequence seen>`. Without first and
 * last: the newest page, or the first page after `after`.
 */
export async function pageSignals(
  prisma: Prisma.TransactionClient,
  visible: Prisma.SignalWhereInput,
  args: SignalPageArgs,
): Promise<SignalPage> {
  if (args.after != null && args.afterSequence != null)
    throw new BadUserInputError('pass after or afterSequence, not both', 'afterSequence');
  if (args.first != null && args.last != null)
    throw new BadUserInputError('pass first or last, not both', 'last');
  const afterRaw = args.after ?? args.afterSequence;
  const after = afterRaw == null ? undefined : parseSequence(afterRaw, 'after');
  const before = args.before == null ? undefined : parseSequence(args.before, 'before');
  const forward = args.first != null || (args.last == null && after !== undefined);
  const count = boundedCount(
    (forward ? args.first : args.last) ?? DEFAULT_PAGE,
    MAX_SIGNALS,
    forward ? 'first' : 'last',
  );
  const sequence: Prisma.BigIntFilter = {};
  if (after !== undefined) sequence.gt = after;
  if (before !== undefined) sequence.lt = before;
  const where: Prisma.SignalWhereInput = {
    AND: [visible, filterWhere(args.filter), ...(Object.keys(sequence).length ? [{ sequence }] : [])],
  };
  const rows = await prisma.signal.findMany({
    where,
    orderBy: { sequence: forward ? 'asc' : 'desc' },
    take: count + 1,
  });
  const more = rows.length > count;
  const page = rows.slice(0, count);
  if (!forward) page.reverse();
  // Relay lets the other direction's flag be false when unknown; a cursor implies rows beyond it.
  return {
    signals: page,
    hasNextPage: forward ? more : before !== undefined,
    hasPreviousPage: forward ? after !== undefined : more,
  };
}
