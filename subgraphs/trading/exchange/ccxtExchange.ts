import ccxt, { type Exchange, type Order, type Trade } from 'ccxt';
import { Prisma } from '../../../platform/prisma';
import { quoteCurrencyOf, toInrMinor } from '../domain/paperFx';
import type { OrderTerms } from './exchangeAdapter';
import {
  fitToLot,
  type LiveAccount,
  type LotSize,
  type LiveExchangeAdapter,
  type LiveOrderReport,
  type LiveOrderStatus,
  type LivePlacement,
} from './liveExchange';
import {
  createCircuitBreakers,
  isFinalExchangeError,
  withRetries,
  type BreakerPolicy,
  type RetryPolicy,
} from './resilience';

export interface CcxtExchangeOptions {
  /** Per exchange id, an API base replacing the real host (our Binance-compatible server in tests). */
  apiUrls?: Record<string, string>;
  timeoutMs: number;
  retry: RetryPolicy;
  breaker: BreakerPolicy;
}

/** Exchanges wired for live trading, with how CCXT's `urls.api` entries map onto an API base. */
const SUPPORTED: Record<string, (base: string) => Record<string, string>> = {
  binance: (base) => ({ public: `${base}/api/v3`, private: `${base}/api/v3` }),
};

const statusOf: Record<string, LiveOrderStatus> = {
  open: 'OPEN',
  closed: 'FILLED',
  canceled: 'CANCELED',
  rejected: 'REJECTED',
  expired: 'EXPIRED',
};

const unified = (symbol: string) => symbol.replace('-', '/');
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const decimalOrNull = (value: number | undefined) =>
  value === undefined || value === null ? null : new Prisma.Decimal(String(value));

/**
 * CCXT's createOrder arguments for our order types. A stop is a stop-loss (Binance STOP_LOSS[_LIMIT]) when
 * it triggers against the position (a buy above, a sell below the last price), otherwise a take-profit
 * (TAKE_PROFIT[_LIMIT]), which Binance triggers the other way round.
 */
export function ccxtOrderArgs(order: OrderTerms, lastPrice: Prisma.Decimal | null) {
  const type = order.type === 'MARKET' || order.type === 'STOP' ? 'market' : 'limit';
  const params: Record<string, string | number> = { newClientOrderId: order.id };
  if (order.stopPrice) {
    const takeProfit =
      lastPrice !== null &&
      (order.side === 'SELL' ? order.stopPrice.gt(lastPrice) : order.stopPrice.lt(lastPrice));
    params[takeProfit ? 'takeProfitPrice' : 'stopLossPrice'] = order.stopPrice.toNumber();
  }
  return { type, price: order.limitPrice?.toNumber(), params } as const;
}

/** Live trading through CCXT: one client per exchange account (markets loaded once), retried and guarded. */
export function createCcxtExchange(options: CcxtExchangeOptions): LiveExchangeAdapter {
  const clients = new Map<string, Exchange>();
  const breakers = createCircuitBreakers(options.breaker);

  function clientFor(account: LiveAccount): Exchange {
    const cached = clients.get(account.id);
    if (cached) return cached;
    const ExchangeClass = (ccxt as unknown as Record<string, new (config: object) => Exchange>)[
      account.exchange
    ]!;
    const client = new ExchangeClass({
      apiKey: account.apiKey,
      secret: account.secret,
      timeout: options.timeoutMs,
      // Our own retries and breaker pace the calls; CCXT's throttle would only add latency.
      enableRateLimit: false,
      // Spot only; no currencies/margin look-ups (extra private endpoints) when loading markets.
      options: { fetchMarkets: { types: ['spot'] }, fetchCurrencies: false, fetchMargins: false },
    });
    const base = options.apiUrls?.[account.exchange];
    if (base)
      client.urls.api = { ...(client.urls.api as object), ...SUPPORTED[account.exchange]!(base) } as never;
    clients.set(account.id, client);
    return client;
  }

  async function reportOf(client: Exchange, account: LiveAccount, order: OrderTerms, found: Order) {
    const trades: Trade[] =
      (found.filled ?? 0) > 0
        ? await client.fetchMyTrades(unified(order.symbol), undefined, undefined, { orderId: found.id })
        : [];
    const fills = trades
      .filter((trade) => trade.order === undefined || trade.order === found.id)
      .sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0))
      .map((trade) => ({
        tradeId: `live:${account.id}:${order.symbol}:${trade.id}`,
        quantity: new Prisma.Decimal(String(trade.amount)),
        price: new Prisma.Decimal(String(trade.price)),
        feeMinor:
          trade.fee?.cost && trade.fee.currency === quoteCurrencyOf(order.symbol)
            ? toInrMinor(order.symbol, new Prisma.Decimal(String(trade.fee.cost)))
            : 0n,
      }));
    const report: LiveOrderReport = {
      exchangeOrderId: found.id ?? '',
      status: statusOf[found.status ?? 'open'] ?? 'OPEN',
      filledQuantity: new Prisma.Decimal(String(found.filled ?? 0)),
      fills,
    };
    return report;
  }

  /** By our client order id; OrderNotFound (a final answer) means the exchange has no such order. */
  async function lookup(client: Exchange, account: LiveAccount, order: OrderTerms) {
    try {
      await client.loadMarkets();
      const found = await client.fetchOrder(undefined as never, unified(order.symbol), {
        origClientOrderId: order.id,
      });
      return await reportOf(client, account, order, found);
    } catch (error) {
      if (error instanceof ccxt.OrderNotFound) return null;
      throw error;
    }
  }

  /** From CCXT's market (Binance: the LOT_SIZE filter); markets are loaded once per client. */
  async function lotOf(client: Exchange, symbol: string): Promise<LotSize | null> {
    await client.loadMarkets();
    const market = client.markets?.[unified(symbol)];
    if (!market) return null;
    const precision = market.precision.amount;
    const step =
      precision === undefined
        ? null
        : client.precisionMode === ccxt.TICK_SIZE
          ? new Prisma.Decimal(String(precision))
          : new Prisma.Decimal(10).pow(-precision);
    return {
      step,
      min: decimalOrNull(market.limits.amount?.min),
      max: decimalOrNull(market.limits.amount?.max),
    };
  }

  return {
    venue: 'ccxt',
    supports: (exchange) => exchange in SUPPORTED,

    lotSize: (account, symbol) =>
      withRetries(options.retry, breakers, account.id, () => lotOf(clientFor(account), symbol)),

    async place(account, order, lastPrice): Promise<LivePlacement> {
      if (!(account.exchange in SUPPORTED))
        return { kind: 'rejected', reason: `Live trading on ${account.exchange} is not supported` };
      const client = clientFor(account);
      const args = ccxtOrderArgs(order, lastPrice);
      // Set once a send may have reached the exchange: from then on every attempt looks the order up first.
      let maybeSent = false;
      try {
        return await withRetries(options.retry, breakers, account.id, async () => {
          if (maybeSent) {
            const found = await lookup(client, account, order);
            if (found) return { kind: 'placed', report: found } as const;
          }
          const lot = await lotOf(client, order.symbol);
          // CCXT would truncate an off-lot quantity silently: the order would be for less than ours.
          const fit = lot ? fitToLot(order.quantity, lot) : null;
          if (fit && (!fit.ok || !fit.quantity.eq(order.quantity))) {
            throw new ccxt.InvalidOrder(
              fit.ok ? `quantity ${order.quantity.toFixed()} is not on the lot size` : fit.reason,
            );
          }
          try {
            const created = await client.createOrder(
              unified(order.symbol),
              args.type,
              order.side.toLowerCase() as 'buy' | 'sell',
              order.quantity.toNumber(),
              args.price,
              args.params,
            );
            return { kind: 'placed', report: await reportOf(client, account, order, created) } as const;
          } catch (error) {
            if (!isFinalExchangeError(error)) maybeSent = true;
            throw error;
          }
        });
      } catch (error) {
        if (isFinalExchangeError(error))
          return { kind: 'rejected', reason: `Exchange refused the order: ${message(error)}` };
        if (!maybeSent)
          return { kind: 'rejected', reason: `Exchange unavailable, order not sent: ${message(error)}` };
        return { kind: 'unknown', reason: message(error) };
      }
    },

    fetch: (account, order) =>
      withRetries(options.retry, breakers, account.id, () => lookup(clientFor(account), account, order)),

    async cancel(account, order) {
      const client = clientFor(account);
      return withRetries(options.retry, breakers, account.id, async () => {
        await client.loadMarkets();
        try {
          await client.cancelOrder(undefined as never, unified(order.symbol), {
            origClientOrderId: order.id,
          });
        } catch (error) {
          // Already filled or canceled there: the look-up below reports which.
          if (!(error instanceof ccxt.OrderNotFound)) throw error;
        }
        return lookup(client, account, order);
      });
    },
  };
}
