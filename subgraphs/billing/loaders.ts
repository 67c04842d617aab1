import DataLoader from 'dataloader';
import { byKeys } from '../../platform/loaders';
import type { PrismaClient } from '../../platform/prisma';
import type { Plan, Subscription } from '../../platform/prisma/generated/client';

export function createBillingLoaders(prisma: PrismaClient) {
  return {
    planById: new DataLoader<string, Plan | null>(async (ids) =>
      byKeys(ids, await prisma.plan.findMany({ where: { id: { in: [...ids] } } }), (plan) => plan.id),
    ),
    subscriptionById: new DataLoader<string, Subscription | null>(async (ids) =>
      byKeys(ids, await prisma.subscription.findMany({ where: { id: { in: [...ids] } } }), (row) => row.id),
    ),
    subscriptionByUserId: new DataLoader<string, Subscription | null>(async (userIds) =>
      byKeys(
        userIds,
        await prisma.subscription.findMany({ where: { userId: { in: [...userIds] } } }),
        (row) => row.userId,
      ),
    ),
  };
}

export type BillingLoaders = ReturnType<typeof createBillingLoaders>;
