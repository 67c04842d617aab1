import { recordCurrentTier } from '../../platform/auth/currentTier';
import { createEventConsumer } from '../../platform/events/inbox';
import type { KeyValueStore } from '../../platform/keyValueStore';
import { Topics, type SubscriptionChangedPayload } from '../../platform/events/topics';
import type { SubgraphDeps } from '../../platform/subgraphModule';

/** Keeps identity's copy of each user's tier (the access token's `tier` claim) in step with billing. */
export function createTierConsumer({ infra, logger }: SubgraphDeps, store: KeyValueStore) {
  return createEventConsumer({
    prisma: infra.prisma,
    bus: infra.bus,
    domain: 'identity',
    logger,
    name: 'identity.user-tier',
    handlers: {
      [Topics.subscriptionChanged]: {
        SubscriptionChanged: async (event, tx) => {
          const { userId, tier, status } = event.payload as SubscriptionChangedPayload;
          const effective = status === 'CANCELLED' ? 'FREE' : tier;
          await tx.userTier.upsert({
            where: { userId },
            create: { userId, tier: effective },
            update: { tier: effective },
          });
          // The gateway applies it from the user's next request on (platform/auth/currentTier.ts).
          // Before the commit: if the commit fails the event is redelivered and written again.
          await recordCurrentTier(store, userId, effective);
        },
      },
    },
  });
}
