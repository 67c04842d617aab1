import ccxt, { type Exchange } from 'ccxt';
import type { PriceSource } from './candleStore';
import type { MinuteCandle, TradePrint } from './minuteCandles';

export interface CcxtMarketSourceOptions {
  exchange: 'binance';
  /** REST base (no /api/v3); unset: Binance's host. */
  restUrl?: string;
  /** WebSocket base (no /ws); unset: Binance's stream host. */
  wsUrl?: string;
  timeoutMs?: number;
}

export interface Quote {
  price: number;
  bid: number | null;
  ask: number | null;
  time: number;
}

/** Our instrument symbol (BTC-USDT) as CCXT's unified one (BTC/USDT). */
export const unifiedSymbol = (symbol: string) => symbol.replace('-', '/');

/**
 * Binance's public market data through CCXT (ccxt.pro for the WebSocket streams), its `urls.api` entries
 * pointed at the configured bases. The source label comes from the exchange's own answers: our emulator
 * marks every market `simulated: true` in exchangeInfo, which Binance never sends.
 */
export function createCcxtMarketSource(options: CcxtMarketSourceOptions) {
  const client: Exchange = new ccxt.pro.binance({
    timeout: options.timeoutMs ?? 10_000,
    enableRateLimit: true,
    // Spot only: loading markets must not call the margin/futures endpoints.
    options: { fetchMarkets: { types: ['spot'] }, fetchCurrencies: false, fetchMargins: false },
  });
  const api = client.urls.api as Record<string, unknown> & { ws: Record<string, unknown> };
  client.urls.api = {
    ...api,
    ...(options.restUrl ? { public: `${options.restUrl}/api/v3` } : {}),
    ws: { ...api.ws, ...(options.wsUrl ? { spot: `${options.wsUrl}/ws` } : {}) },
  } as never;
  let source: PriceSource = 'BINANCE';

  return {
    get source() {
      return source;
    },
    async connect(symbols: string[]): Promise<string[]> {
      // CCXT refuses ws:// (no TLS) until its plain-HTTP agent is loaded; the emulator speaks ws://.
      if (options.wsUrl?.startsWith('ws://')) await client.loadHttpProxyAgent();
      const markets = await client.loadMarkets();
      const listed = symbols.filter((symbol) => markets[unifiedSymbol(symbol)]);
      const info = listed.map((symbol) => markets[unifiedSymbol(symbol)]!.info as Record<string, unknown>);
      source = info.length > 0 && info.every((entry) => entry.simulated === true) ? 'SIMULATED' : 'BINANCE';
      return listed;
    },
    /** The trades since the previous call (CCXT's newUpdates), over the WebSocket. */
    async watchTrades(symbol: string): Promise<TradePrint[]> {
      const trades = await client.watchTrades(unifiedSymbol(symbol));
      return trades
        .filter((t) => typeof t.price === 'number' && typeof t.timestamp === 'number')
        .map((t) => ({ price: Number(t.price), amount: t.amount ?? 0, time: t.timestamp! }));
    },
    /** The 24hr ticker stream (bid and ask with the last price); miniTicker has no book. */
    async watchQuote(symbol: string): Promise<Quote> {
      return quoteOf(await client.watchTicker(unifiedSymbol(symbol), { name: 'ticker' }));
    },
    async fetchQuote(symbol: string): Promise<Quote> {
      return quoteOf(await client.fetchTicker(unifiedSymbol(symbol)));
    },
    async fetchMinuteCandles(symbol: string, since: number, limit = 1000): Promise<MinuteCandle[]> {
      const rows = await client.fetchOHLCV(unifiedSymbol(symbol), '1m', since, limit);
      return rows.map(([openTime, open, high, low, close, volume]) => ({
        openTime: Number(openTime),
        open: Number(open),
        high: Number(high),
        low: Number(low),
        close: Number(close),
        volume: Number(volume),
      }));
    },
    async close(): Promise<void> {
      await client.close();
    },
  };
}

function quoteOf(ticker: { last?: number; bid?: number; ask?: number; timestamp?: number }): Quote {
  if (typeof ticker.last !== 'number') throw new Error('ticker without a last price');
  return {
    price: ticker.last,
    bid: typeof ticker.bid === 'number' ? ticker.bid : null,
    ask: typeof ticker.ask === 'number' ? ticker.ask : null,
    time: ticker.timestamp ?? Date.now(),
  };
}

export type CcxtMarketSource = ReturnType<typeof createCcxtMarketSource>;
