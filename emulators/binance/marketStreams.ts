import { EventEmitter } from 'node:events';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { MarketEvent, SimulatedKline, SimulatedMarket, SimulatedTrade } from './simulatedMarket';

const d8 = (value: number) => value.toFixed(8);
const MINUTE = 60_000;

/** Binance's stream payloads (web-socket-streams.md), built from the simulated market. */
export const streamPayloads = {
  trade: (t: SimulatedTrade, eventTime: number) => ({
    e: 'trade',
    E: eventTime,
    s: t.symbol,
    t: t.id,
    p: d8(t.price),
    q: d8(t.qty),
    T: t.time,
    m: t.isBuyerMaker,
    M: true,
  }),
  kline: (symbol: string, k: SimulatedKline, closed: boolean, eventTime: number) => ({
    e: 'kline',
    E: eventTime,
    s: symbol,
    k: {
      t: k.openTime,
      T: k.openTime + MINUTE - 1,
      s: symbol,
      i: '1m',
      f: k.firstTradeId,
      L: k.lastTradeId,
      o: d8(k.open),
      c: d8(k.close),
      h: d8(k.high),
      l: d8(k.low),
      v: d8(k.volume),
      n: k.trades,
      x: closed,
      q: d8(k.quoteVolume),
      V: d8(k.volume / 2),
      Q: d8(k.quoteVolume / 2),
      B: '0',
    },
  }),
  ticker24h(market: SimulatedMarket, symbol: string, eventTime: number) {
    const s = market.stats24h(symbol)!;
    const book = market.book(symbol)!;
    return {
      e: '24hrTicker',
      E: eventTime,
      s: symbol,
      p: d8(s.last - s.open),
      P: ((100 * (s.last - s.open)) / s.open).toFixed(3),
      w: d8(s.volume > 0 ? s.quoteVolume / s.volume : s.last),
      x: d8(s.open),
      c: d8(s.last),
      Q: d8(s.lastQty),
      b: d8(book.bid),
      B: '1.00000000',
      a: d8(book.ask),
      A: '1.00000000',
      o: d8(s.open),
      h: d8(s.high),
      l: d8(s.low),
      v: d8(s.volume),
      q: d8(s.quoteVolume),
      O: s.openTime,
      C: s.closeTime,
      F: s.firstId,
      L: s.lastId,
      n: s.count,
    };
  },
};

interface StreamClient {
  socket: WebSocket;
  streams: Set<string>;
  /** `/stream` connections get Binance's combined wrapper `{stream, data}`. */
  combined: boolean;
}

/**
 * Binance's WebSocket market streams on our server: raw streams at `/ws/<name>` (and `/ws/<anything>` plus
 * SUBSCRIBE messages, which is how CCXT connects), combined ones at `/stream?streams=a/b`. Supported
 * names: `<symbol>@trade`, `<symbol>@kline_1m`, `<symbol>@ticker`.
 */
export function attachMarketStreams(server: Server, market: SimulatedMarket) {
  const wss = new WebSocketServer({ noServer: true });
  const clients = new Set<StreamClient>();
  const events = new EventEmitter();
  let refusing = false;

  function send(client: StreamClient, stream: string, data: unknown) {
    if (!client.streams.has(stream) || client.socket.readyState !== WebSocket.OPEN) return;
    client.socket.send(JSON.stringify(client.combined ? { stream, data } : data));
  }

  function broadcast(stream: string, data: () => unknown) {
    let payload: unknown;
    for (const client of clients) {
      if (!client.streams.has(stream)) continue;
      payload ??= data();
      send(client, stream, payload);
    }
  }

  // Binance pushes @ticker once a second; so do we, in market time.
  const lastTickerAt = new Map<string, number>();
  const unsubscribe = market.subscribe((event: MarketEvent) => {
    const eventTime = market.now();
    if (event.kind === 'klineClosed') {
      const name = `${event.symbol.toLowerCase()}@kline_1m`;
      broadcast(name, () => streamPayloads.kline(event.symbol, event.kline, true, eventTime));
      return;
    }
    const { trade, kline } = event;
    const lower = trade.symbol.toLowerCase();
    broadcast(`${lower}@trade`, () => streamPayloads.trade(trade, eventTime));
    broadcast(`${lower}@kline_1m`, () => streamPayloads.kline(trade.symbol, kline, false, eventTime));
    if (eventTime - (lastTickerAt.get(trade.symbol) ?? 0) >= 1000) {
      lastTickerAt.set(trade.symbol, eventTime);
      broadcast(`${lower}@ticker`, () => streamPayloads.ticker24h(market, trade.symbol, eventTime));
    }
  });

  function onMessage(client: StreamClient, raw: string) {
    let request: { method?: unknown; params?: unknown; id?: unknown };
    try {
      request = JSON.parse(raw) as typeof request;
    } catch {
      client.socket.send(JSON.stringify({ code: 3, msg: 'Invalid JSON' }));
      return;
    }
    const params = Array.isArray(request.params) ? request.params.map(String) : [];
    const id = request.id ?? null;
    switch (request.method) {
      case 'SUBSCRIBE':
        for (const stream of params) client.streams.add(stream.toLowerCase());
        client.socket.send(JSON.stringify({ result: null, id }));
        events.emit('subscribed', params);
        return;
      case 'UNSUBSCRIBE':
        for (const stream of params) client.streams.delete(stream.toLowerCase());
        client.socket.send(JSON.stringify({ result: null, id }));
        return;
      case 'LIST_SUBSCRIPTIONS':
        client.socket.send(JSON.stringify({ result: [...client.streams], id }));
        return;
      default:
        client.socket.send(JSON.stringify({ code: 2, msg: 'Invalid request: unknown method', id }));
    }
  }

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const raw = url.pathname === '/ws' || url.pathname.startsWith('/ws/');
    const combined = url.pathname === '/stream' || url.pathname.startsWith('/stream/');
    if (refusing || (!raw && !combined)) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const initial = combined
        ? (url.searchParams.get('streams') ?? '').split('/')
        : [decodeURIComponent(url.pathname.slice('/ws/'.length))];
      // A CCXT connection's path is a stream index ("/ws/0"), not a stream name: it subscribes by message.
      const client: StreamClient = {
        socket: ws,
        streams: new Set(initial.filter((name) => name.includes('@')).map((n) => n.toLowerCase())),
        combined,
      };
      clients.add(client);
      ws.on('message', (data) => onMessage(client, String(data)));
      ws.on('close', () => clients.delete(client));
    });
  }
  server.on('upgrade', onUpgrade);

  return {
    /** `subscribed` (stream names) whenever a client subscribes: tests await it instead of sleeping. */
    events,
    /** Whether any open connection carries this stream. */
    subscribed: (stream: string) => [...clients].some((client) => client.streams.has(stream.toLowerCase())),
    /** Open stream connections (tests wait for the ingester to reconnect). */
    connections: () => clients.size,
    /** Test hook: every stream connection drops at once, as when the exchange restarts a node. */
    dropConnections() {
      for (const client of clients) client.socket.terminate();
    },
    /** Test hook: refuse new stream connections (clients must fall back to REST polling). */
    refuseConnections(refuse: boolean) {
      refusing = refuse;
    },
    close() {
      unsubscribe();
      server.off('upgrade', onUpgrade);
      for (const client of clients) client.socket.terminate();
      wss.close();
    },
  };
}

export type MarketStreams = ReturnType<typeof attachMarketStreams>;
