import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BinanceApiError,
  createBinanceBook,
  ORDER_TYPES,
  type BinanceMarket,
  type BinanceOrder,
  type BinanceTrade,
} from './book';
import { attachMarketStreams, type MarketStreams } from './marketStreams';
import { MARKET_DATA_PATHS, marketDataRoute } from './marketRoutes';
import type { SimulatedMarket } from './simulatedMarket';

export interface BinanceServerOptions {
  apiKey: string;
  secret: string;
  markets?: BinanceMarket[];
  /**
   * Serve Binance's public market data (REST and WebSocket streams) from this simulated market; the book's
   * last prices then follow its trades.
   */
  market?: SimulatedMarket;
}

/**
 * How this server says its prices are simulated. Binance's own answers never carry either, so a client
 * can label prices from the data rather than from its configuration.
 */
export const SIMULATED_HEADER = 'x-simulated-market';
export const SIMULATED_FIELD = 'simulated';

/** A fault the next matching requests get: an HTTP status instead of an answer, or a late answer. */
export interface InjectedFault {
  method?: string;
  path?: string;
  times: number;
  /** Answer with this status and a non-JSON body (5xx) or Binance's rate-limit body (429/418). */
  status?: number;
  /** Handle the request, then answer this late (the client times out; the order exists). */
  delayMs?: number;
}

const d8 = (value: { toFixed(digits: number): string }) => value.toFixed(8);

function orderJson(order: BinanceOrder, trades: BinanceTrade[] = []) {
  return {
    symbol: order.symbol,
    orderId: order.orderId,
    orderListId: -1,
    clientOrderId: order.clientOrderId,
    transactTime: order.updateTime,
    price: d8(order.price),
    origQty: d8(order.origQty),
    executedQty: d8(order.executedQty),
    cummulativeQuoteQty: d8(order.quoteQty),
    status: order.status,
    timeInForce: 'GTC',
    type: order.type,
    side: order.side,
    stopPrice: d8(order.stopPrice),
    time: order.time,
    updateTime: order.updateTime,
    isWorking: true,
    workingTime: order.time,
    fills: trades.map((t) => ({
      price: d8(t.price),
      qty: d8(t.qty),
      commission: d8(t.commission),
      commissionAsset: t.commissionAsset,
      tradeId: t.id,
    })),
  };
}

const tradeJson = (t: BinanceTrade) => ({
  symbol: t.symbol,
  id: t.id,
  orderId: t.orderId,
  orderListId: -1,
  price: d8(t.price),
  qty: d8(t.qty),
  quoteQty: d8(t.quoteQty),
  commission: d8(t.commission),
  commissionAsset: t.commissionAsset,
  time: t.time,
  isBuyer: t.isBuyer,
  isMaker: false,
  isBestMatch: true,
});

/** Everything after `signature=` removed: what the client signed (query string, then body). */
const unsigned = (raw: string) =>
  raw
    .split('&')
    .filter((part) => part && !part.startsWith('signature='))
    .join('&');

/**
 * Speaks the parts of Binance's spot REST API (v3) that CCXT's binance uses for spot trading, with
 * HMAC-SHA256 signed requests (X-MBX-APIKEY header, `signature` over the query string and body) and
 * Binance's error bodies. For tests and `npm start`: point CCXT's `urls.api.public/private` here.
 */
export function createBinanceCompatibleServer(options: BinanceServerOptions) {
  const markets = options.markets ?? [{ symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT' }];
  const book = createBinanceBook(markets);
  const faults: InjectedFault[] = [];
  const requests: { method: string; path: string }[] = [];

  function authenticate(req: IncomingMessage, query: string, body: string): URLSearchParams {
    if (req.headers['x-mbx-apikey'] !== options.apiKey) {
      throw new BinanceApiError(401, -2015, 'Invalid API-key, IP, or permissions for action.');
    }
    const params = new URLSearchParams([query, body].filter(Boolean).join('&'));
    const expected = createHmac('sha256', options.secret)
      .update(unsigned(query) + unsigned(body))
      .digest('hex');
    const given = Buffer.from(params.get('signature') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
      throw new BinanceApiError(400, -1022, 'Signature for this request is not valid.');
    }
    return params;
  }

  function route(method: string, path: string, params: () => URLSearchParams): unknown {
    const p = () => params();
    const get = (name: string) => p().get(name) ?? undefined;
    switch (`${method} ${path}`) {
      case 'GET /api/v3/ping':
        return {};
      case 'GET /api/v3/time':
        return { serverTime: Date.now() };
      case 'GET /api/v3/exchangeInfo':
        return {
          timezone: 'UTC',
          serverTime: Date.now(),
          rateLimits: [],
          exchangeFilters: [],
          symbols: markets.map(({ stepSize, minQty, ...m }) => ({
            ...m,
            status: 'TRADING',
            baseAssetPrecision: 8,
            quotePrecision: 8,
            quoteAssetPrecision: 8,
            orderTypes: ORDER_TYPES,
            isSpotTradingAllowed: true,
            isMarginTradingAllowed: false,
            filters: [
              { filterType: 'PRICE_FILTER', minPrice: '0.01', maxPrice: '10000000', tickSize: '0.01' },
              {
                filterType: 'LOT_SIZE',
                minQty: minQty ?? '0.00001',
                maxQty: '9000',
                stepSize: stepSize ?? '0.00001',
              },
            ],
            permissions: ['SPOT'],
            permissionSets: [['SPOT']],
            [SIMULATED_FIELD]: true,
          })),
        };
      case 'POST /api/v3/order': {
        const order = book.place({
          symbol: get('symbol') ?? '',
          side: get('side') ?? '',
          type: get('type') ?? '',
          quantity: get('quantity') ?? '0',
          price: get('price'),
          stopPrice: get('stopPrice'),
          newClientOrderId: get('newClientOrderId') ?? `srv-${Date.now()}`,
        });
        return orderJson(
          order,
          book.trades.filter((t) => t.orderId === order.orderId),
        );
      }
      case 'GET /api/v3/order':
        return orderJson(book.find(get('symbol') ?? '', get('orderId'), get('origClientOrderId')));
      case 'DELETE /api/v3/order':
        return orderJson(
          book.cancel(book.find(get('symbol') ?? '', get('orderId'), get('origClientOrderId'))),
        );
      case 'GET /api/v3/openOrders':
        return book.orders
          .filter(
            (o) =>
              (o.status === 'NEW' || o.status === 'PARTIALLY_FILLED') &&
              (!get('symbol') || o.symbol === get('symbol')),
          )
          .map((o) => orderJson(o));
      case 'GET /api/v3/myTrades':
        return book.trades
          .filter(
            (t) => t.symbol === get('symbol') && (!get('orderId') || String(t.orderId) === get('orderId')),
          )
          .map(tradeJson);
      case 'GET /api/v3/account':
        return {
          makerCommission: 0,
          takerCommission: 0,
          canTrade: true,
          accountType: 'SPOT',
          updateTime: Date.now(),
          balances: [...book.balances].map(([asset, free]) => ({
            asset,
            free: d8(free),
            locked: '0.00000000',
          })),
          permissions: ['SPOT'],
        };
      default:
        if (options.market && method === 'GET' && MARKET_DATA_PATHS.includes(path))
          return marketDataRoute(options.market, path, p());
        throw new BinanceApiError(404, -1100, `Unknown endpoint ${method} ${path}`);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    let body = '';
    for await (const chunk of req) body += chunk;
    requests.push({ method, path: url.pathname });
    const fault = faults.find(
      (f) => f.times > 0 && (!f.method || f.method === method) && (!f.path || f.path === url.pathname),
    );
    if (fault) fault.times -= 1;
    if (fault?.status) {
      const rateLimited = fault.status === 429 || fault.status === 418;
      res.writeHead(fault.status, { 'content-type': rateLimited ? 'application/json' : 'text/plain' });
      res.end(
        rateLimited ? JSON.stringify({ code: -1003, msg: 'Too many requests.' }) : 'Service Unavailable',
      );
      return;
    }
    const query = url.search.slice(1);
    let status = 200;
    let payload: unknown;
    try {
      const isPublic = [
        '/api/v3/ping',
        '/api/v3/time',
        '/api/v3/exchangeInfo',
        ...MARKET_DATA_PATHS,
      ].includes(url.pathname);
      payload = route(method, url.pathname, () =>
        isPublic ? new URLSearchParams(query) : authenticate(req, query, body),
      );
    } catch (error) {
      if (!(error instanceof BinanceApiError)) throw error;
      status = error.status;
      payload = { code: error.code, msg: error.message };
    }
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', [SIMULATED_HEADER]: 'true' });
    res.end(JSON.stringify(payload));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const streams: MarketStreams | undefined = options.market
    ? attachMarketStreams(server, options.market)
    : undefined;
  const followMarket = options.market?.subscribe((event) => {
    if (event.kind === 'trade') book.setPrice(event.trade.symbol, event.trade.price.toFixed(8));
  });
  for (const symbol of options.market?.symbols() ?? [])
    book.setPrice(symbol, options.market!.lastPrice(symbol)!.toFixed(8));

  return {
    book,
    market: options.market,
    /** Test hooks on the WebSocket streams (drop, refuse); undefined without a market. */
    streams,
    requests,
    inject(fault: InjectedFault) {
      faults.push({ ...fault });
    },
    clearFaults() {
      faults.length = 0;
    },
    async start(port = 0, host = '127.0.0.1'): Promise<string> {
      await new Promise<void>((resolve) => server.listen(port, host, resolve));
      const { port: bound } = server.address() as AddressInfo;
      return `http://${host}:${bound}`;
    },
    async stop(): Promise<void> {
      followMarket?.();
      streams?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type BinanceCompatibleServer = ReturnType<typeof createBinanceCompatibleServer>;
