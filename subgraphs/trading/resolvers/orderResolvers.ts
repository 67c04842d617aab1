import type { Resolvers } from '../generated/resolvers-types';
import type { ExchangeAccountService } from '../services/exchangeAccounts';
import type { OrderService } from '../services/orders';
import type {
  OrderSide,
  OrderType,
  TradeOrderStatus,
  ExchangeAccountStatus,
  FollowSizing,
  SignalSourceKind,
} from '../generated/resolvers-types';

type Picked = 'TradeOrder' | 'TradeOrderEvent' | 'ExchangeAccount' | 'SignalFollow' | 'SignalCopySkip';

export function orderResolvers(
  orders: OrderService,
  accounts: ExchangeAccountService,
): Pick<Resolvers, Picked> {
  return {
    TradeOrder: {
      __resolveReference: (reference, ctx) => orders.order(ctx, reference.id),
      side: (order) => order.side as OrderSide,
      type: (order) => order.type as OrderType,
      status: (order) => order.status as TradeOrderStatus,
      quantity: (order) => order.quantity.toFixed(),
      limitPrice: (order) => order.limitPrice?.toFixed() ?? null,
      stopPrice: (order) => order.stopPrice?.toFixed() ?? null,
      filledQuantity: (order) => order.filledQuantity.toFixed(),
      averageFillPrice: (order) => order.averageFillPrice?.toFixed() ?? null,
      cancelRequested: (order) => order.cancelRequestedAt !== null,
      exchangeAccount: (order, _args, ctx) =>
        order.exchangeAccountId ? accounts.byId(ctx, order.exchangeAccountId) : null,
      events: (order, _args, ctx) => ctx.loaders.eventsByOrderId.load(order.id),
    },
    TradeOrderEvent: {
      sequence: (event) => event.sequence.toString(),
      quantity: (event) => event.quantity?.toFixed() ?? null,
      price: (event) => event.price?.toFixed() ?? null,
    },
    ExchangeAccount: {
      apiKeyFingerprint: (account) => account.fingerprint,
      status: (account) => account.status as ExchangeAccountStatus,
    },
    SignalFollow: {
      kind: (follow) => (follow.source.startsWith('analyst:') ? 'ANALYST' : 'STRATEGY') as SignalSourceKind,
      source: (follow) => follow.source.slice(follow.source.indexOf(':') + 1),
      sizing: (follow) => follow.sizing as FollowSizing,
      sizingValue: (follow) => follow.sizingValue.toFixed(),
      skippedSignals: (follow, _args, ctx) => ctx.loaders.skipsByFollowId.load(follow.id),
    },
    SignalCopySkip: {
      at: (skip) => skip.createdAt,
    },
  };
}
