/**
 * A simulated spot market for our Binance-compatible server: a seeded random walk of trades per symbol,
 * the 1m klines they make, and listeners for the WebSocket streams. Nothing here is market data; every
 * answer the server builds from it is labelled simulated.
 */

export interface SimulatedSymbol {
  /** Binance's spelling: BTCUSDT. */
  symbol: string;
  startPrice: number;
}

export interface SimulatedTrade {
  symbol: string;
  id: number;
  price: number;
  qty: number;
  time: number;
  isBuyerMaker: boolean;
}

export interface SimulatedKline {
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  quoteVolume: number;
  trades: number;
  firstTradeId: number;
  lastTradeId: number;
}

export type MarketEvent =
  | { kind: 'trade'; trade: SimulatedTrade; kline: SimulatedKline }
  /** A minute ended: its kline is final (Binance's `x: true`). */
  | { kind: 'klineClosed'; symbol: string; kline: SimulatedKline };

export interface SimulatedMarketOptions {
  symbols: SimulatedSymbol[];
  seed?: number;
  /** Minutes of history before the start, for klines backfill (default 180). */
  historyMinutes?: number;
  /** Trades per symbol per simulated minute in history and in skipped minutes (default 12). */
  tradesPerMinute?: number;
  /** Standard deviation of one trade's log return (default 0.0005). */
  volatility?: number;
  now?: () => number;
}

/** The demo markets: the seed's crypto instruments, starting near their seeded prices. */
export const DEFAULT_SIMULATED_SYMBOLS: SimulatedSymbol[] = [
  { symbol: 'BTCUSDT', startPrice: 60_000 },
  { symbol: 'ETHUSDT', startPrice: 3_000 },
  { symbol: 'SOLUSDT', startPrice: 150 },
];

const MINUTE = 60_000;
const TICK = 0.01;
const MAX_TRADES_KEPT = 1000;

/** mulberry32: small, fast and seedable, so a seed replays the same walk. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hash = (text: string) => [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
const onGrid = (price: number) => Math.max(TICK, Number((Math.round(price / TICK) * TICK).toFixed(2)));

interface Walk {
  symbol: string;
  random: () => number;
  price: number;
  nextTradeId: number;
  klines: SimulatedKline[];
  trades: SimulatedTrade[];
}

export function createSimulatedMarket(options: SimulatedMarketOptions) {
  const { seed = 1, historyMinutes = 180, tradesPerMinute = 12, volatility = 0.0005 } = options;
  const wallClock = options.now ?? Date.now;
  // Skipped minutes move the market's clock ahead of the wall clock (test hook for gaps).
  let offsetMs = 0;
  let lastTime = 0;
  const listeners = new Set<(event: MarketEvent) => void>();
  const walks = new Map<string, Walk>();

  const now = () => Math.max(wallClock() + offsetMs, lastTime);

  function gaussian(random: () => number): number {
    const u = Math.max(random(), Number.EPSILON);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  }

  /** One trade at `time`; returns the events it makes (a closed kline first when a minute ended). */
  function trade(walk: Walk, time: number): MarketEvent[] {
    const events: MarketEvent[] = [];
    walk.price = onGrid(walk.price * Math.exp(volatility * gaussian(walk.random)));
    const qty = Math.round((0.001 + walk.random() * 0.5) * 1e5) / 1e5;
    const t: SimulatedTrade = {
      symbol: walk.symbol,
      id: walk.nextTradeId++,
      price: walk.price,
      qty,
      time,
      isBuyerMaker: walk.random() < 0.5,
    };
    const openTime = Math.floor(time / MINUTE) * MINUTE;
    let kline = walk.klines.at(-1);
    if (!kline || kline.openTime !== openTime) {
      if (kline) events.push({ kind: 'klineClosed', symbol: walk.symbol, kline: { ...kline } });
      kline = {
        openTime,
        open: t.price,
        high: t.price,
        low: t.price,
        close: t.price,
        volume: 0,
        quoteVolume: 0,
        trades: 0,
        firstTradeId: t.id,
        lastTradeId: t.id,
      };
      walk.klines.push(kline);
    }
    kline.high = Math.max(kline.high, t.price);
    kline.low = Math.min(kline.low, t.price);
    kline.close = t.price;
    kline.volume += qty;
    kline.quoteVolume += qty * t.price;
    kline.trades += 1;
    kline.lastTradeId = t.id;
    walk.trades.push(t);
    if (walk.trades.length > MAX_TRADES_KEPT) walk.trades.shift();
    events.push({ kind: 'trade', trade: t, kline: { ...kline } });
    return events;
  }

  /** Trades spread evenly over [from, to) for every symbol, without telling listeners. */
  function fill(from: number, to: number) {
    const spacing = MINUTE / tradesPerMinute;
    for (let time = from; time < to; time += spacing) for (const walk of walks.values()) trade(walk, time);
    lastTime = Math.max(lastTime, to - 1);
  }

  for (const { symbol, startPrice } of options.symbols) {
    walks.set(symbol, {
      symbol,
      random: prng(seed ^ hash(symbol)),
      price: onGrid(startPrice),
      nextTradeId: 1,
      klines: [],
      trades: [],
    });
  }
  const start = Math.floor(wallClock() / MINUTE) * MINUTE;
  fill(start - historyMinutes * MINUTE, start);

  function walkOf(symbol: string): Walk | undefined {
    return walks.get(symbol.toUpperCase());
  }

  /** One trade on every symbol at the market's current time; listeners hear of each. */
  function step(): SimulatedTrade[] {
    const time = Math.max(now(), lastTime + 1);
    lastTime = time;
    const trades: SimulatedTrade[] = [];
    for (const walk of walks.values()) {
      for (const event of trade(walk, time)) {
        if (event.kind === 'trade') trades.push(event.trade);
        for (const listener of listeners) listener(event);
      }
    }
    return trades;
  }

  return {
    symbols: () => [...walks.keys()],
    has: (symbol: string) => walks.has(symbol.toUpperCase()),
    now,
    step,
    /**
     * Test hook for a feed gap: `minutes` of trading happen at once (their klines are served by REST) and
     * the clock moves past them, but no stream carries them.
     */
    skipMinutes(minutes: number) {
      const from = now() + 1;
      offsetMs += minutes * MINUTE;
      fill(from, from + minutes * MINUTE);
    },
    /** Trades every `everyMs` of wall-clock time until the returned function is called. */
    play(everyMs: number): () => void {
      const timer = setInterval(step, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    subscribe(listener: (event: MarketEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lastPrice: (symbol: string) => walkOf(symbol)?.price,
    /** Best bid and ask one tick either side of the last trade. */
    book(symbol: string) {
      const price = walkOf(symbol)?.price;
      return price === undefined ? undefined : { bid: onGrid(price - TICK), ask: onGrid(price + TICK) };
    },
    /** Klines of `intervalMs` (a multiple of a minute) aggregated from the 1m ones, oldest first. */
    klines(
      symbol: string,
      intervalMs: number,
      range: { startTime?: number; endTime?: number; limit: number },
    ) {
      const walk = walkOf(symbol);
      if (!walk) return [];
      const buckets = new Map<number, SimulatedKline>();
      for (const k of walk.klines) {
        const openTime = Math.floor(k.openTime / intervalMs) * intervalMs;
        const bucket = buckets.get(openTime);
        if (!bucket) buckets.set(openTime, { ...k, openTime });
        else {
          bucket.high = Math.max(bucket.high, k.high);
          bucket.low = Math.min(bucket.low, k.low);
          bucket.close = k.close;
          bucket.volume += k.volume;
          bucket.quoteVolume += k.quoteVolume;
          bucket.trades += k.trades;
          bucket.lastTradeId = k.lastTradeId;
        }
      }
      const all = [...buckets.values()].filter(
        (k) =>
          (range.startTime === undefined || k.openTime >= range.startTime) &&
          (range.endTime === undefined || k.openTime <= range.endTime),
      );
      // Binance: from startTime forwards when given, else the most recent.
      return range.startTime === undefined ? all.slice(-range.limit) : all.slice(0, range.limit);
    },
    recentTrades: (symbol: string, limit: number) => walkOf(symbol)?.trades.slice(-limit) ?? [],
    /** The rolling 24 hours' statistics Binance's ticker/24hr reports. */
    stats24h(symbol: string) {
      const walk = walkOf(symbol);
      if (!walk) return undefined;
      const since = now() - 24 * 60 * MINUTE;
      const window = walk.klines.filter((k) => k.openTime >= since);
      const first = window[0] ?? walk.klines.at(-1)!;
      return {
        open: first.open,
        high: Math.max(...window.map((k) => k.high)),
        low: Math.min(...window.map((k) => k.low)),
        last: walk.price,
        lastQty: walk.trades.at(-1)?.qty ?? 0,
        volume: window.reduce((sum, k) => sum + k.volume, 0),
        quoteVolume: window.reduce((sum, k) => sum + k.quoteVolume, 0),
        openTime: since,
        closeTime: now(),
        firstId: first.firstTradeId,
        lastId: walk.nextTradeId - 1,
        count: window.reduce((sum, k) => sum + k.trades, 0),
      };
    },
  };
}

export type SimulatedMarket = ReturnType<typeof createSimulatedMarket>;
