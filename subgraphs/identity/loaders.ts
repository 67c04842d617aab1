import DataLoader from 'dataloader';
import type { PrismaClient } from '../../platform/prisma';
import type { User } from '../../platform/prisma/generated/client';
import { byKeys } from '../../platform/loaders';

export function createIdentityLoaders(prisma: PrismaClient) {
  return {
    userById: new DataLoader<string, User | null>(async (ids) =>
      byKeys(ids, await prisma.user.findMany({ where: { id: { in: [...ids] } } }), (user) => user.id),
    ),
  };
}

export type IdentityLoaders = ReturnType<typeof createIdentityLoaders>;
