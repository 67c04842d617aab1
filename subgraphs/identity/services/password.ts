import { hashPassword, verifyPassword, type PasswordHashParams } from '../../../platform/auth/password';
import { denySession } from '../../../platform/auth/sessionDenylist';
import { BadUserInputError, UnauthenticatedError } from '../../../platform/errors';
import type { PrismaClient, TransactionClient } from '../../../platform/prisma';
import type { SecurityEventType } from '../../../platform/events/topics';
import type { User } from '../../../platform/prisma/generated/client';
import type { IdentityContext } from '../context';
import { recordSecurityEvent, recordSecurityEventNow } from './audit';
import type { IdentityServiceDeps } from './deps';
import { parseInput, passwordSchema } from './validation';

/** The PHC prefix a hash made with `params` starts with (platform/auth/password.ts writes it). */
const paramsPrefix = (params: PasswordHashParams) => `$scrypt$N=${params.N},r=${params.r},p=${params.p}$`;

/** Whether a stored hash was made with other parameters than the configured ones (raised or changed). */
export function needsRehash(encoded: string, params: PasswordHashParams): boolean {
  return !encoded.startsWith(paramsPrefix(params));
}

export interface PasswordReplacement {
  /** The session that stays signed in (the one changing its password); null ends them all. */
  keep: string | null;
  revokedReason: string;
  audit: Extract<SecurityEventType, 'PASSWORD_CHANGED' | 'PASSWORD_RESET'>;
  /** Runs first in the same transaction; throwing rolls everything back (a reset consumes its token). */
  precondition?: (tx: TransactionClient) => Promise<void>;
}

/**
 * Sets the new hash and ends the user's other sessions in one transaction with the audit row, then
 * denylists the ended sessions, whose access tokens stay valid up to 15 minutes otherwise. Whoever knew
 * the old password may hold one of those sessions. Returns how many sessions ended.
 */
async function replaceWith(
  store: IdentityServiceDeps['store'],
  ctx: IdentityContext,
  userId: string,
  passwordHash: string,
  options: PasswordReplacement,
): Promise<number> {
  const { keep } = options;
  const revoked = await ctx.prisma.$transaction(async (tx) => {
    await options.precondition?.(tx);
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    const others = await tx.session.findMany({
      where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
      select: { id: true },
    });
    const ids = others.map((session) => session.id);
    await tx.session.updateMany({
      where: { id: { in: ids } },
      data: { revokedAt: new Date(), revokedReason: options.revokedReason },
    });
    await recordSecurityEvent(tx, {
      type: options.audit,
      userId,
      client: ctx.client,
      details: { sessionsRevoked: ids.length },
      correlationId: ctx.correlationId,
    });
    return ids;
  });
  for (const id of revoked) await denySession(store, id);
  return revoked.length;
}

export function createPasswordService({ hashing, passwordParams, lockout, store }: IdentityServiceDeps) {
  return {
    /** A new password set some other way than changePassword (a reset by email). */
    replacePassword: (
      ctx: IdentityContext,
      userId: string,
      passwordHash: string,
      options: PasswordReplacement,
    ) => replaceWith(store, ctx, userId, passwordHash, options),

    /**
     * Rehash-on-login: the only moment the plain password is at hand, so hashes follow a change of
     * the configured parameters as their owners sign in. The conditional update keeps a concurrent
     * password change from being overwritten with the old password.
     */
    async upgradeHash(prisma: PrismaClient, user: User, password: string): Promise<void> {
      if (!needsRehash(user.passwordHash, passwordParams)) return;
      const upgraded = await hashing(() => hashPassword(password, passwordParams));
      await prisma.user.updateMany({
        where: { id: user.id, passwordHash: user.passwordHash },
        data: { passwordHash: upgraded },
      });
    },

    /**
     * Needs the current password (a stolen access token alone must not take the account over); wrong
     * answers count against the account's lockout like failed logins. Every other session ends, since
     * whoever knew the old password may hold one.
     */
    async changePassword(ctx: IdentityContext, user: User, current: string, next: string): Promise<number> {
      const password = parseInput(passwordSchema, next);
      if (password === current) {
        throw new BadUserInputError('The new password must differ from the current one', 'newPassword');
      }
      const ip = ctx.client?.ip ?? null;
      await lockout.assertNotLocked(user.emailNormalized, ip);
      if (!(await hashing(() => verifyPassword(current, user.passwordHash)))) {
        const outcome = await lockout.recordFailure(user.emailNormalized, ip);
        await recordSecurityEventNow(ctx.prisma, {
          type: outcome.locked ? 'ACCOUNT_LOCKED' : 'LOGIN_FAILED',
          userId: user.id,
          client: ctx.client,
          details: { reason: 'password-change' },
          correlationId: ctx.correlationId,
        });
        throw new UnauthenticatedError('The current password is wrong');
      }
      const passwordHash = await hashing(() => hashPassword(password, passwordParams));
      const revoked = await replaceWith(store, ctx, user.id, passwordHash, {
        keep: ctx.viewer?.sessionId ?? null,
        revokedReason: 'PASSWORD_CHANGE',
        audit: 'PASSWORD_CHANGED',
      });
      await lockout.recordSuccess(user.emailNormalized);
      return revoked;
    },
  };
}

export type PasswordService = ReturnType<typeof createPasswordService>;
