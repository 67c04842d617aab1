import { createEventConsumer } from '../../platform/events/inbox';
import {
  Topics,
  type SignalPublishedPayload,
  type SignalSourceFields,
  type SubscriptionChangedPayload,
  type UserRegisteredPayload,
} from '../../platform/events/topics';
import { isUuid } from '../../platform/loaders';
import type { SubgraphDeps } from '../../platform/subgraphModule';
import { openPortfolio } from './services/portfolios';
import { copySignalToFollowers } from './services/signalCopying';
import { recordSignalSource } from './services/signalFollows';
import type { TradingServiceDeps } from './services/tradingDeps';

export const PORTFOLIO_OPENING_CONSUMER = 'trading.portfolio-opening';
export const SIGNAL_COPYING_CONSUMER = 'trading.signal-copying';
export const USER_TIER_CONSUMER = 'trading.user-tier';

/** Trading's copy of each user's tier (signal following re-checks it on every signal). */
export function createUserTierConsumer({ infra, logger }: SubgraphDeps, groupSuffix = '') {
  return createEventConsumer({
    prisma: infra.prisma,
    bus: infra.bus,
    domain: 'trading',
    logger,
    name: USER_TIER_CONSUMER + groupSuffix,
    handlers: {
      [Topics.subscriptionChanged]: {
        SubscriptionChanged: async (event, tx) => {
          const { userId, tier, status } = event.payload as SubscriptionChangedPayload;
          if (typeof userId !== 'string' || !isUuid(userId)) {
            logger.error({ eventId: event.id }, 'SubscriptionChanged without a valid userId; skipped');
            return;
          }
          // As identity reads it: a cancelled subscription grants FREE; PAST_DUE keeps the tier for now.
          const effective = status === 'CANCELLED' ? 'FREE' : tier;
          await tx.tradingUserTier.upsert({
            where: { userId },
            create: { userId, tier: effective },
            update: { tier: effective },
          });
        },
      },
    },
  });
}

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

/** Places the paper orders of everyone following the source of each published signal, once. */
export function createSignalCopyingConsumer(
  { infra, logger }: SubgraphDeps,
  deps: TradingServiceDeps,
  groupSuffix = '',
) {
  return createEventConsumer({
    prisma: infra.prisma,
    bus: infra.bus,
    domain: 'trading',
    logger,
    name: SIGNAL_COPYING_CONSUMER + groupSuffix,
    handlers: {
      [Topics.signalPublished]: {
        SignalPublished: async (event, tx) => {
          const signal = event.payload as SignalPublishedPayload & SignalSourceFields;
          if (!isUuid(signal.signalId ?? '') || (signal.side !== 'BUY' && signal.side !== 'SELL')) {
            logger.error({ eventId: event.id }, 'SignalPublished without a usable signal; skipped');
            return;
          }
          if (signal.source) await recordSignalSource(tx, signal.source);
          const placed = await copySignalToFollowers(tx, deps, signal);
          if (placed > 0) logger.info({ signalId: signal.signalId, placed }, 'signal copied to followers');
        },
      },
    },
  });
}
