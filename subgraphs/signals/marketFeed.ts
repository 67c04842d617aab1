import type { EventBus } from '../../platform/events/envelope';
import type { Logger } from '../../platform/logger';
import type { PrismaClient } from '../../platform/prisma';
import { createCandleReplayFeed, type CandleReplayOptions } from './marketData/candleReplay';
import { publishFeedToBus } from './marketData/feed';

export type { MarketDataFeed } from './marketData/feed';

export interface ReplayFeedOptions extends Partial<Omit<CandleReplayOptions, 'prisma' | 'logger'>> {
  prisma: PrismaClient;
  bus: EventBus;
  logger: Logger;
}

/**
 * The market feed of `npm start` and demos: stored candles replayed to Kafka `market.ticks`. The seed's
 * candles are generated (prisma/seed/candles.ts), so the feed is labelled synthetic unless told otherwise.
 * A real exchange feed implements MarketDataFeed and is published the same way.
 */
export function createReplayMarketFeed({
  prisma,
  bus,
  logger,
  synthetic = true,
  ...replay
}: ReplayFeedOptions) {
  return publishFeedToBus(createCandleReplayFeed({ prisma, logger, synthetic, ...replay }), bus);
}

export type ReplayMarketFeed = ReturnType<typeof createReplayMarketFeed>;
