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
