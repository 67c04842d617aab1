import { createHash, randomBytes } from 'node:crypto';
import type { Role, Tier } from '../../../platform/auth/viewer';
import { denySession } from '../../../platform/auth/sessionDenylist';
import { RateLimitedError, UnauthenticatedError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { PrismaClient, TransactionClient } from '../../../platform/prisma';
import type { User } from '../../../platform/prisma/generated/client';
import type { IdentityContext } from '../context';
import { recordSecurityEvent } from './audit';
import type { IdentityServiceDeps } from './deps';
import { describeDevice } from './device';
import { keyFrom, open, seal } from './sealing';

export const REFRESH_TOKEN_TTL_MS = 7 * 24 * 3600_000;

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

const newRefreshToken = () => randomBytes(32).toString('base64url');
/** Only the holder of the used token can open its successor (see RefreshToken.successorSealed). */
const successorKey = (usedToken: string) => keyFrom(usedToken, 'refresh-successor');

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
}

type Db = PrismaClient | TransactionClient;

export function createSessionService({ signer, store, settings, refreshLimit }: IdentityServiceDeps) {
  async function accessTokenFor(db: Db, user: User, sessionId: string): Promise<string> {
    const tier = (await db.userTier.findUnique({ where: { userId: user.id } }))?.tier ?? 'FREE';
    return signer.sign({
      sub: user.id,
      sid: sessionId,
      roles: user.roles as Role[],
      tier: tier as Tier,
      kyc: user.kycStatus,
    });
  }

  const withinGrace = (usedAt: Date, now: Date) =>
    now.getTime() - usedAt.getTime() <= settings.REFRESH_GRACE_SECONDS * 1000;

  return {
    accessTokenFor,

    /** Opens a session: the refresh token is returned once and only its hash is stored. */
    async open(db: Db, ctx: IdentityContext, user: User): Promise<IssuedTokens> {
      const refreshToken = newRefreshToken();
      const session = await db.session.create({
        data: {
          userId: user.id,
          device: describeDevice(ctx.client?.userAgent ?? null),
          ip: ctx.client?.ip ?? null,
          expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
          refreshTokens: { create: { tokenHash: hashRefreshToken(refreshToken) } },
        },
      });
      return { accessToken: await accessTokenFor(db, user, session.id), refreshToken, sessionId: session.id };
    },

    /**
     * Rotation with reuse detection. The conditional update makes concurrent refreshes of one token
     * queue on its row: the first rotates, the others then see it used. Inside the grace window they
     * get the same successor (two tabs); after it, presenting a used token means it was copied, so
     * the whole family (session) is revoked. Over the refresh limit everything is refused except a
     * reuse: that one still revokes the family, however many attempts came before it.
     */
    async refresh(ctx: IdentityContext, token: string) {
      const now = new Date();
      const tokenHash = hashRefreshToken(token);
      const overLimit = await refreshLimit.exceeded(tokenHash, ctx.client);
      const outcome = await ctx.prisma.$transaction(async (tx) => {
        const row = await tx.refreshToken.findUnique({
          where: { tokenHash },
          include: { session: { include: { user: true } } },
        });
        const usable = row && !row.session.revokedAt && row.session.expiresAt > now;
        const reused = usable && row.usedAt !== null && !withinGrace(row.usedAt, now);
        if (overLimit && !reused) return { kind: 'limited' as const };
        if (!usable) return { kind: 'invalid' as const };
        const { session } = row;
        const claimed = await tx.refreshToken.updateMany({
          where: { id: row.id, usedAt: null },
          data: { usedAt: now },
        });
        if (claimed.count === 1) {
          const successor = newRefreshToken();
          const created = await tx.refreshToken.create({
            data: { sessionId: session.id, tokenHash: hashRefreshToken(successor) },
          });
          await tx.refreshToken.update({
            where: { id: row.id },
            data: { successorId: created.id, successorSealed: seal(successorKey(token), successor) },
          });
          // The predecessor's sealed copy of this token is no longer needed by anyone.
          await tx.refreshToken.updateMany({
            where: { successorId: row.id },
            data: { successorSealed: null },
          });
          await tx.session.update({
            where: { id: session.id },
            data: { lastUsedAt: now, ip: ctx.client?.ip ?? session.ip },
          });
          return { kind: 'rotated' as const, successor, session };
        }
        const used = await tx.refreshToken.findUniqueOrThrow({ where: { id: row.id } });
        if (used.usedAt !== null && withinGrace(used.usedAt, now) && used.successorSealed) {
          return {
            kind: 'rotated' as const,
            successor: open(successorKey(token), used.successorSealed),
            session,
          };
        }
        await tx.session.update({
          where: { id: session.id },
          data: { revokedAt: now, revokedReason: 'REFRESH_REUSE' },
        });
        await recordSecurityEvent(tx, {
          type: 'REFRESH_TOKEN_REUSED',
          userId: session.userId,
          client: ctx.client,
          details: { sessionId: session.id },
          correlationId: ctx.correlationId,
        });
        return { kind: 'reused' as const, session };
      });
      if (outcome.kind === 'limited') throw new RateLimitedError(settings.REFRESH_LIMIT_WINDOW_SECONDS);
      if (outcome.kind === 'invalid') throw new UnauthenticatedError('Invalid or expired refresh token');
      if (outcome.kind === 'reused') {
        await denySession(store, outcome.session.id);
        throw new UnauthenticatedError('Refresh token reuse detected: the session was revoked');
      }
      const { session, successor } = outcome;
      return {
        accessToken: await accessTokenFor(ctx.prisma, session.user, session.id),
        refreshToken: successor,
        user: session.user,
        twoFactorRequired: false,
        twoFactorChallenge: null,
      };
    },

    /** Revokes sessions of one user (all but `keep` when given) and denylists their access tokens. */
    async revoke(
      ctx: IdentityContext,
      userId: string,
      where: { id?: string; notId?: string },
      reason: string,
    ): Promise<number> {
      // Session ids are UUIDs: anything else names no session (and Postgres would refuse to compare it).
      if ((where.id && !isUuid(where.id)) || (where.notId && !isUuid(where.notId))) return 0;
      const now = new Date();
      const ids = await ctx.prisma.$transaction(async (tx) => {
        const sessions = await tx.session.findMany({
          where: {
            userId,
            revokedAt: null,
            ...(where.id ? { id: where.id } : {}),
            ...(where.notId ? { id: { not: where.notId } } : {}),
          },
          select: { id: true },
        });
        const sessionIds = sessions.map((session) => session.id);
        if (sessionIds.length === 0) return sessionIds;
        await tx.session.updateMany({
          where: { id: { in: sessionIds } },
          data: { revokedAt: now, revokedReason: reason },
        });
        await recordSecurityEvent(tx, {
          type: reason === 'LOGOUT' ? 'LOGOUT' : 'SESSION_REVOKED',
          userId,
          actorId: ctx.viewer?.userId ?? null,
          client: ctx.client,
          details: { sessions: sessionIds.length, reason },
          correlationId: ctx.correlationId,
        });
        return sessionIds;
      });
      for (const id of ids) await denySession(store, id);
      return ids.length;
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
