import { BinanceApiError } from './book';
import type { SimulatedMarket } from './simulatedMarket';

const d8 = (value: number) => value.toFixed(8);

const INTERVAL_MS: Record<string, number> = {
  '1m': 60_000,
  '3m': 180_000,
  '5m': 300_000,
  '15m': 900_000,
  '30m': 1_800_000,
  '1h': 3_600_000,
  '2h': 7_200_000,
  '4h': 14_400_000,
  '6h': 21_600_000,
  '8h': 28_800_000,
  '12h': 43_200_000,
  '1d': 86_400_000,
};

/** The public market-data paths this server answers (no API key, no signature). */
export const MARKET_DATA_PATHS = [
  '/api/v3/klines',
  '/api/v3/ticker/24hr',
  '/api/v3/ticker/price',
  '/api/v3/ticker/bookTicker',
  '/api/v3/trades',
  '/api/v3/aggTrades',
];

function limitOf(params: URLSearchParams, fallback: number, max: number): number {
  const raw = params.get('limit');
  if (raw === null) return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1)
    throw new BinanceApiError(400, -1100, "Illegal characters found in parameter 'limit'.");
  return Math.min(limit, max);
}

function timeOf(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value))
    throw new BinanceApiError(400, -1100, `Illegal characters found in parameter '${name}'.`);
  return value;
}

/**
 * The symbols a ticker request names: `symbol=`, `symbols=["A","B"]`, or none (every symbol, as an array).
 * Binance answers an object for `symbol` and an array otherwise.
 */
function symbolsOf(market: SimulatedMarket, params: URLSearchParams): { symbols: string[]; single: boolean } {
  const one = params.get('symbol');
  const many = params.get('symbols');
  if (one !== null && many !== null)
    throw new BinanceApiError(
      400,
      -1102,
      "Mandatory parameter 'symbols' was not sent, was empty/null, or malformed.",
    );
  let symbols: string[];
  if (one !== null) symbols = [one];
  else if (many !== null) {
    try {
      symbols = (JSON.parse(many) as unknown[]).map(String);
    } catch {
      throw new BinanceApiError(400, -1100, "Illegal characters found in parameter 'symbols'.");
    }
  } else symbols = market.symbols();
  for (const symbol of symbols)
    if (!market.has(symbol)) throw new BinanceApiError(400, -1121, 'Invalid symbol.');
  return { symbols: symbols.map((s) => s.toUpperCase()), single: one !== null };
}

function requiredSymbol(market: SimulatedMarket, params: URLSearchParams): string {
  const symbol = params.get('symbol');
  if (!symbol)
    throw new BinanceApiError(
      400,
      -1102,
      "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.",
    );
  if (!market.has(symbol)) throw new BinanceApiError(400, -1121, 'Invalid symbol.');
  return symbol.toUpperCase();
}

const each = (market: SimulatedMarket, params: URLSearchParams, answer: (symbol: string) => object) => {
  const { symbols, single } = symbolsOf(market, params);
  const answers = symbols.map(answer);
  return single ? answers[0] : answers;
};

/** Binance's REST market-data answers (rest-api.md "Market Data endpoints") from the simulated market. */
export function marketDataRoute(market: SimulatedMarket, path: string, params: URLSearchParams): unknown {
  switch (path) {
    case '/api/v3/klines': {
      const symbol = requiredSymbol(market, params);
      const intervalMs = INTERVAL_MS[params.get('interval') ?? ''];
      if (!intervalMs) throw new BinanceApiError(400, -1120, 'Invalid interval.');
      const range = {
        startTime: timeOf(params, 'startTime'),
        endTime: timeOf(params, 'endTime'),
        limit: limitOf(params, 500, 1000),
      };
      return market
        .klines(symbol, intervalMs, range)
        .map((k) => [
          k.openTime,
          d8(k.open),
          d8(k.high),
          d8(k.low),
          d8(k.close),
          d8(k.volume),
          k.openTime + intervalMs - 1,
          d8(k.quoteVolume),
          k.trades,
          d8(k.volume / 2),
          d8(k.quoteVolume / 2),
          '0',
        ]);
    }
    case '/api/v3/trades': {
      const symbol = requiredSymbol(market, params);
      return market.recentTrades(symbol, limitOf(params, 500, 1000)).map((t) => ({
        id: t.id,
        price: d8(t.price),
        qty: d8(t.qty),
        quoteQty: d8(t.qty * t.price),
        time: t.time,
        isBuyerMaker: t.isBuyerMaker,
        isBestMatch: true,
      }));
    }
    case '/api/v3/aggTrades': {
      // CCXT's fetchTrades default; every simulated trade is its own taker order, so one trade per entry.
      const symbol = requiredSymbol(market, params);
      return market.recentTrades(symbol, limitOf(params, 500, 1000)).map((t) => ({
        a: t.id,
        p: d8(t.price),
        q: d8(t.qty),
        f: t.id,
        l: t.id,
        T: t.time,
        m: t.isBuyerMaker,
        M: true,
      }));
    }
    case '/api/v3/ticker/price':
      return each(market, params, (symbol) => ({ symbol, price: d8(market.lastPrice(symbol)!) }));
    case '/api/v3/ticker/bookTicker':
      return each(market, params, (symbol) => {
        const book = market.book(symbol)!;
        return {
          symbol,
          bidPrice: d8(book.bid),
          bidQty: '1.00000000',
          askPrice: d8(book.ask),
          askQty: '1.00000000',
        };
      });
    case '/api/v3/ticker/24hr':
      return each(market, params, (symbol) => {
        const s = market.stats24h(symbol)!;
        const book = market.book(symbol)!;
        return {
          symbol,
          priceChange: d8(s.last - s.open),
          priceChangePercent: ((100 * (s.last - s.open)) / s.open).toFixed(3),
          weightedAvgPrice: d8(s.volume > 0 ? s.quoteVolume / s.volume : s.last),
          prevClosePrice: d8(s.open),
          lastPrice: d8(s.last),
          lastQty: d8(s.lastQty),
          bidPrice: d8(book.bid),
          bidQty: '1.00000000',
          askPrice: d8(book.ask),
          askQty: '1.00000000',
          openPrice: d8(s.open),
          highPrice: d8(s.high),
          lowPrice: d8(s.low),
          volume: d8(s.volume),
          quoteVolume: d8(s.quoteVolume),
          openTime: s.openTime,
          closeTime: s.closeTime,
          firstId: s.firstId,
          lastId: s.lastId,
          count: s.count,
        };
      });
    default:
      return undefined;
  }
}
