import { createEventConsumer } from '../../platform/events/inbox';
import { Topics, type UserRegisteredPayload } from '../../platform/events/topics';
import { isUuid } from '../../platform/loaders';
import type { SubgraphDeps } from '../../platform/subgraphModule';
import { openPortfolio } from './services/portfolios';

export const PORTFOLIO_OPENING_CONSUMER = 'trading.portfolio-opening';

/** Opens the paper portfolio of every user who registers. */
export function createPortfolioOpeningConsumer({ infra, logger }: SubgraphDeps) {
  return createEventConsumer({
    prisma: infra.prisma,
    bus: infra.bus,
    domain: 'trading',
    logger,
    name: PORTFOLIO_OPENING_CONSUMER,
    handlers: {
      [Topics.userRegistered]: {
        UserRegistered: async (event, tx) => {
          const { userId } = event.payload as UserRegisteredPayload;
          // Retrying a malformed event would block the partition forever; record it and move on.
          if (typeof userId !== 'string' || !isUuid(userId)) {
            logger.error({ eventId: event.id }, 'UserRegistered without a valid userId; skipped');
            return;
          }
          await openPortfolio(tx, userId);
        },
      },
    },
  });
}
