import { marketTickEnvelope } from '../../../platform/events/marketTick';
import type { EventBus } from '../../../platform/events/envelope';
import { type MarketTickPayload } from '../../../platform/events/topics';
import type { Logger } from '../../../platform/logger';

export type TickListener = (ticks: MarketTickPayload[]) => Promise<void> | void;

/**
 * A source of market ticks: a recorded-candle replay, a synthetic generator, or (later) an exchange
 * connection. Listeners receive each step's ticks (one per instrument) in order.
 */
export interface MarketDataFeed {
  readonly name: string;
  /** True when the prices are generated rather than recorded market data; shown to users as such. */
  readonly synthetic: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(listener: TickListener): () => void;
}

/** The listener set and a serial delivery chain every feed implementation shares. */
export function createTickListeners(logger: Logger) {
  const listeners = new Set<TickListener>();
  let delivering: Promise<void> = Promise.resolve();
  return {
    subscribe(listener: TickListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Steps are delivered one after another, so a slow listener delays rather than reorders ticks. */
    emit(ticks: MarketTickPayload[]): void {
      if (ticks.length === 0) return;
      delivering = delivering.then(async () => {
        for (const listener of listeners) {
          try {
            await listener(ticks);
          } catch (error) {
            logger.warn({ err: error }, 'tick listener failed');
          }
        }
      });
    },
    drain: () => delivering,
  };
}

/**
 * Publishes a feed's ticks to Kafka `market.ticks`, keyed by instrument. Straight to the bus, not
 * through the outbox: ticks announce no state change of ours, and a lost tick is superseded by the next.
 */
export function publishFeedToBus(feed: MarketDataFeed, bus: EventBus) {
  let unsubscribe: (() => void) | undefined;
  return {
    feed,
    async start(): Promise<void> {
      unsubscribe ??= feed.subscribe((ticks) => bus.publish(ticks.map(marketTickEnvelope)));
      await feed.start();
    },
    async stop(): Promise<void> {
      await feed.stop();
      unsubscribe?.();
      unsubscribe = undefined;
    },
  };
}
