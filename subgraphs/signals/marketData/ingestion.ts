import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EventBus } from '../../../platform/events/envelope';
import { marketTickEnvelope } from '../../../platform/events/marketTick';
import type { MarketTickPayload } from '../../../platform/events/topics';
import type { Logger } from '../../../platform/logger';
import type { PrismaClient } from '../../../platform/prisma';
import { latestMinute, rollUp, upsertMinuteCandles } from './candleStore';
import { createCcxtMarketSource, type CcxtMarketSource } from './ccxtMarketSource';
import { createLease } from './lease';
import { createMinuteCandleBuilder, MINUTE_MS, type TradePrint } from './minuteCandles';
import type { MarketDataSettings } from './settings';
import { createTickThrottle } from './tickThrottle';

export interface MarketDataIngestionOptions {
  prisma: PrismaClient;
  bus: EventBus;
  logger: Logger;
  settings: MarketDataSettings;
  /** The market's clock (tests pass the emulator's); default the wall clock. */
  now?: () => number;
  /** Wait between WebSocket reconnect attempts, each preceded by a REST poll (default 2 s). */
  retryMs?: number;
  leaseTtlMs?: number;
  /** One tick per symbol per this much quote time on market.ticks (the seed's one per second). */
  tickIntervalMs?: number;
  /** How often held ticks whose window ended are published (default 250 ms). */
  flushEveryMs?: number;
}

interface Track {
  instrumentId: string;
  symbol: string;
  builder: ReturnType<typeof createMinuteCandleBuilder>;
  bid: number | null;
  ask: number | null;
}

const decimal = (value: number) => String(Number(value.toFixed(10)));

/**
 * Binance market data → 1m candles (and their 5m/1h/1d roll-ups) in PostgreSQL and throttled ticks on
 * Kafka `market.ticks`. One replica ingests at a time: it holds the market-data lease; the others wait
 * and take over when it lapses. Candle writes are idempotent upserts, so a takeover rewriting a minute
 * writes the same row. Events on `events` (`ingesting`, `candles`, `backfill`, `fallback`, `tick`) let
 * tests await progress instead of sleeping.
 */
export function createMarketDataIngestion(options: MarketDataIngestionOptions) {
  const { prisma, bus, settings } = options;
  const now = options.now ?? Date.now;
  const retryMs = options.retryMs ?? 2_000;
  const leaseTtlMs = options.leaseTtlMs ?? 15_000;
  const log = options.logger.child({ component: 'market-data-ingestion' });
  const events = new EventEmitter();
  const lease = createLease(prisma, 'market-data:binance', `${process.pid}:${randomUUID()}`, leaseTtlMs);
  const throttle = createTickThrottle(options.tickIntervalMs ?? 1_000);
  let source: CcxtMarketSource | undefined;
  let abort: AbortController | undefined;
  let loops: Promise<void>[] = [];
  let leaseTimer: NodeJS.Timeout | undefined;
  let flushTimer: NodeJS.Timeout | undefined;
  let stopped = true;

  async function publish(ticks: MarketTickPayload[]) {
    if (ticks.length === 0) return;
    await bus.publish(ticks.map(marketTickEnvelope));
    for (const tick of ticks) events.emit('tick', tick);
  }

  function tickOf(track: Track, price: number, time: number): MarketTickPayload {
    return {
      instrumentId: track.instrumentId,
      symbol: track.symbol,
      price: decimal(price),
      bid: track.bid === null ? null : decimal(track.bid),
      ask: track.ask === null ? null : decimal(track.ask),
      at: new Date(time).toISOString(),
      source: source!.source,
      staleAfterSeconds: settings.MARKET_DATA_STALE_SECONDS,
    };
  }

  /** Closed 1m candles from the exchange since the newest stored one (or the backfill window), rolled up. */
  async function backfill(track: Track, untilMs = now()) {
    const untilMinute = Math.floor(untilMs / MINUTE_MS) * MINUTE_MS;
    const stored = await latestMinute(prisma, track.instrumentId);
    let since =
      stored === null ? untilMinute - settings.MARKET_DATA_BACKFILL_MINUTES * MINUTE_MS : stored + MINUTE_MS;
    const from = since;
    let count = 0;
    while (since < untilMinute) {
      const page = (await source!.fetchMinuteCandles(track.symbol, since)).filter(
        (c) => c.openTime < untilMinute,
      );
      if (page.length === 0) break;
      await upsertMinuteCandles(prisma, track.instrumentId, page, source!.source);
      count += page.length;
      since = page.at(-1)!.openTime + MINUTE_MS;
    }
    if (count > 0) await rollUp(prisma, track.instrumentId, from, since);
    events.emit('backfill', { symbol: track.symbol, from, to: since, count });
    if (count > 0)
      events.emit('candles', { instrumentId: track.instrumentId, symbol: track.symbol, through: since });
  }

  async function onTrade(track: Track, trade: TradePrint) {
    const { closed, gapFrom } = track.builder.add(trade);
    if (closed?.complete) {
      await upsertMinuteCandles(prisma, track.instrumentId, [closed], source!.source);
      await rollUp(prisma, track.instrumentId, closed.openTime, closed.openTime + MINUTE_MS);
      events.emit('candles', {
        instrumentId: track.instrumentId,
        symbol: track.symbol,
        through: closed.openTime + MINUTE_MS,
      });
    }
    // A minute we did not see whole, or minutes we did not see at all: the exchange has them.
    if ((closed && !closed.complete) || gapFrom !== undefined) await backfill(track, trade.time);
    const tick = throttle.offer(tickOf(track, trade.price, trade.time));
    if (tick) await publish([tick]);
    events.emit('tradeSeen', trade);
  }

  /** Trades over the WebSocket; while it is down, a REST poll (quote and candles) before each retry. */
  async function runTrades(track: Track, signal: AbortSignal) {
    let down = false;
    while (!signal.aborted) {
      try {
        const trades = await source!.watchTrades(track.symbol);
        if (down) log.info({ symbol: track.symbol }, 'market-data stream back');
        down = false;
        for (const trade of trades) await onTrade(track, trade);
      } catch (error) {
        if (signal.aborted) return;
        if (!down) log.warn({ err: error, symbol: track.symbol }, 'market-data stream down; polling REST');
        down = true;
        track.builder.interrupt();
        events.emit('fallback', { symbol: track.symbol });
        try {
          const quote = await source!.fetchQuote(track.symbol);
          [track.bid, track.ask] = [quote.bid, quote.ask];
          const tick = throttle.offer(tickOf(track, quote.price, quote.time));
          if (tick) await publish([tick]);
          await backfill(track);
        } catch (restError) {
          log.warn({ err: restError, symbol: track.symbol }, 'market-data REST poll failed');
        }
        await sleep(retryMs, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  /** Best bid and ask from the ticker stream, attached to the trade ticks. */
  async function runQuotes(track: Track, signal: AbortSignal) {
    while (!signal.aborted) {
      try {
        const quote = await source!.watchQuote(track.symbol);
        [track.bid, track.ask] = [quote.bid, quote.ask];
      } catch {
        if (signal.aborted) return;
        await sleep(retryMs, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  async function instruments(): Promise<Track[]> {
    const rows = await prisma.instrument.findMany({
      where: {
        exchange: { equals: 'BINANCE', mode: 'insensitive' },
        ...(settings.MARKET_DATA_SYMBOLS ? { symbol: { in: settings.MARKET_DATA_SYMBOLS } } : {}),
      },
      orderBy: { symbol: 'asc' },
    });
    return rows.map((row) => ({
      instrumentId: row.id,
      symbol: row.symbol,
      builder: createMinuteCandleBuilder(),
      bid: null,
      ask: null,
    }));
  }

  async function begin() {
    source = createCcxtMarketSource({
      exchange: 'binance',
      restUrl: settings.MARKET_DATA_REST_URL,
      wsUrl: settings.MARKET_DATA_WS_URL,
    });
    const all = await instruments();
    const listed = new Set(await source.connect(all.map((track) => track.symbol)));
    const tracks = all.filter((track) => listed.has(track.symbol));
    for (const track of tracks) await backfill(track);
    abort = new AbortController();
    const { signal } = abort;
    loops = tracks.flatMap((track) => [runTrades(track, signal), runQuotes(track, signal)]);
    flushTimer = setInterval(() => {
      publish(throttle.due(now())).catch((error: unknown) => log.warn({ err: error }, 'tick flush failed'));
    }, options.flushEveryMs ?? 250);
    log.info(
      { symbols: tracks.map((t) => t.symbol), source: source.source },
      'market-data ingestion started',
    );
    events.emit('ingesting', { symbols: tracks.map((t) => t.symbol), source: source.source });
  }

  async function end() {
    clearInterval(flushTimer);
    abort?.abort();
    await source?.close().catch(() => undefined);
    await Promise.all(loops);
    loops = [];
    abort = undefined;
    source = undefined;
  }

  /** Takes or renews the lease; starts ingesting on taking it, stops on losing it. */
  async function lead() {
    const leading = await lease.acquire().catch(() => false);
    if (leading && !source) await begin();
    else if (!leading && source) {
      log.warn('market-data lease lost; another replica ingests');
      await end();
    }
  }

  let checking: Promise<void> = Promise.resolve();
  /** One lease check at a time, so a renewal never races a start or a stop of ingestion. */
  const check = () =>
    (checking = checking
      .then(() => (stopped ? undefined : lead()))
      .catch((error: unknown) => log.warn({ err: error }, 'market-data lease check failed')));

  return {
    events,
    get leading() {
      return source !== undefined;
    },
    async start() {
      stopped = false;
      // Checks queue behind a start in progress: the lease TTL (15 s) must outlast the start-up backfill.
      leaseTimer = setInterval(check, leaseTtlMs / 3);
      await check();
    },
    async stop() {
      stopped = true;
      clearInterval(leaseTimer);
      await checking;
      await end();
      await lease.release().catch(() => undefined);
    },
  };
}

export type MarketDataIngestion = ReturnType<typeof createMarketDataIngestion>;
