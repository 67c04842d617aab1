import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from './envelope';
import { MarketTopics, type MarketTickPayload } from './topics';

/**
 * A price tick as it travels on `market.ticks`: keyed by instrument (one instrument's ticks stay in
 * order), published straight from the feed, not through an outbox.
 */
export const marketTickEnvelope = (tick: MarketTickPayload): EventEnvelope<MarketTickPayload> => ({
  id: randomUUID(),
  topic: MarketTopics.ticks,
  key: tick.instrumentId,
  type: 'MarketTick',
  payload: tick,
  correlationId: null,
  occurredAt: tick.at,
});

export const DEFAULT_STALE_AFTER_SECONDS = 60;

/**
 * Whether a tick's quote is too old to act on at `now`: consumers (signal lifecycle, price alerts, paper
 * fills) check this rather than trusting delivery time, since Kafka may deliver a tick late.
 */
export function isStaleTick(
  tick: Pick<MarketTickPayload, 'at' | 'staleAfterSeconds'>,
  now: number = Date.now(),
): boolean {
  const at = Date.parse(tick.at);
  const limitMs = (tick.staleAfterSeconds ?? DEFAULT_STALE_AFTER_SECONDS) * 1000;
  return Number.isNaN(at) || now - at > limitMs;
}
