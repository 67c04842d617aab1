import { createEventConsumer } from '../../platform/events/inbox';
import { Topics, type UserRegisteredPayload } from '../../platform/events/topics';
import type { SubgraphDeps } from '../../platform/subgraphModule';
import { setPlan } from './services/subscriptions';

/** Every new account starts on the FREE plan, so billing always has a subscription to change. */
export function createFreePlanConsumer({ infra, logger }: SubgraphDeps) {
  return createEventConsumer({
    prisma: infra.prisma,
    bus: infra.bus,
    domain: 'billing',
    logger,
    name: 'billing.free-plan',
    handlers: {
      [Topics.userRegistered]: {
        UserRegistered: async (event, tx) => {
          const { userId } = event.payload as UserRegisteredPayload;
          // Never over a plan the user already has (a fast first purchase, an admin grant).
          if (await tx.subscription.findUnique({ where: { userId } })) return;
          await setPlan(tx, userId, 'FREE', event.correlationId);
        },
      },
    },
  });
}
