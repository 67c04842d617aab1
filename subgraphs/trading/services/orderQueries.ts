import { requireViewer } from '../../../platform/auth/access';
import { BadUserInputError } from '../../../platform/errors';
import type { TradeOrder } from '../../../platform/prisma/generated/client';
import type { Prisma } from '../../../platform/prisma';
import type { TradingContext } from '../context';
import type { QueryOrdersArgs } from '../generated/resolvers-types';

export interface OrderPage {
  edges: { cursor: string; node: TradeOrder }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const encodeCursor = (order: TradeOrder) =>
  Buffer.from(JSON.stringify([order.createdAt.toISOString(), order.id])).toString('base64url');

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(createdAt);
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return { createdAt: date, id };
  } catch {
    throw new BadUserInputError('after is not a cursor from this connection', 'after');
  }
}

/** The viewer's orders, newest first, keyset-paginated on (createdAt, id). */
export async function ordersOfViewer(ctx: TradingContext, args: QueryOrdersArgs): Promise<OrderPage> {
  const viewer = requireViewer(ctx.viewer, 'see your orders');
  const first = args.first ?? 20;
  if (first < 1 || first > 100) throw new BadUserInputError('first must be between 1 and 100', 'first');
  const where: Prisma.TradeOrderWhereInput = { userId: viewer.userId };
  if (args.filter?.status?.length) where.status = { in: args.filter.status };
  if (args.filter?.symbol) where.symbol = args.filter.symbol.trim().toUpperCase();
  if (args.after) {
    const { createdAt, id } = decodeCursor(args.after);
    where.OR = [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }];
  }
  const rows = await ctx.prisma.tradeOrder.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: first + 1,
  });
  const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor(node), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
