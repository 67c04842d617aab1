import DataLoader from 'dataloader';
import type { PrismaClient } from '../../platform/prisma';
import type {
  KycSubmission,
  Profile,
  SecurityEvent,
  Session,
  User,
} from '../../platform/prisma/generated/client';
import { byKeys, groupByKeys } from '../../platform/loaders';

/** Most events a `securityEvents` field returns; the loader fetches that many per user at once. */
export const MAX_SECURITY_EVENTS = 100;

export function createIdentityLoaders(prisma: PrismaClient) {
  return {
    userById: new DataLoader<string, User | null>(async (ids) =>
      byKeys(ids, await prisma.user.findMany({ where: { id: { in: [...ids] } } }), (user) => user.id),
    ),
    openSessionsByUserId: new DataLoader<string, Session[]>(async (userIds) =>
      groupByKeys(
        userIds,
        await prisma.session.findMany({
          where: { userId: { in: [...userIds] }, revokedAt: null, expiresAt: { gt: new Date() } },
          orderBy: { lastUsedAt: 'desc' },
        }),
        (session) => session.userId,
      ),
    ),
    profileByUserId: new DataLoader<string, Profile | null>(async (userIds) =>
      byKeys(
        userIds,
        await prisma.profile.findMany({ where: { userId: { in: [...userIds] } } }),
        (profile) => profile.userId,
      ),
    ),
    latestKycByUserId: new DataLoader<string, KycSubmission | null>(async (userIds) =>
      byKeys(
        userIds,
        await prisma.kycSubmission.findMany({
          where: { userId: { in: [...userIds] } },
          distinct: ['userId'],
          orderBy: [{ userId: 'asc' }, { submittedAt: 'desc' }],
        }),
        (kyc) => kyc.userId,
      ),
    ),
    securityEventsByUserId: new DataLoader<string, SecurityEvent[]>(async (userIds) => {
      // Newest MAX per user in one round trip, however many users are asked for.
      const ids = await prisma.$queryRawUnsafe<{ id: string }[]>(
        `SELECT id::text FROM (
           SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY created_at DESC) AS n
             FROM identity.security_event WHERE user_id = ANY($1::uuid[])) ranked
          WHERE n <= $2`,
        [...userIds],
        MAX_SECURITY_EVENTS,
      );
      const rows = await prisma.securityEvent.findMany({
        where: { id: { in: ids.map((row) => row.id) } },
        orderBy: { createdAt: 'desc' },
      });
      return groupByKeys(userIds, rows, (event) => event.userId ?? '');
    }),
  };
}

export type IdentityLoaders = ReturnType<typeof createIdentityLoaders>;
