import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { verifyPassword } from '../../../platform/auth/password';
import { BadUserInputError, ConflictError, UnauthenticatedError } from '../../../platform/errors';
import type { User } from '../../../platform/prisma/generated/client';
import type { IdentityContext } from '../context';
import { recordSecurityEvent, recordSecurityEventNow } from './audit';
import type { IdentityServiceDeps } from './deps';
import { open, seal } from './sealing';

const ISSUER = 'TradeSchool';
const PERIOD_SECONDS = 30;
export const BACKUP_CODE_COUNT = 10;

const hashBackupCode = (code: string) =>
  createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('base64url');

/** 80 random bits as XXXX-XXXX-XXXX-XXXX (base32): too many to guess, easy to type. */
const challengeKey = (challenge: string) =>
  `2fa-challenge:${createHash('sha256').update(challenge).digest('base64url')}`;

function newBackupCode(): string {
  return (new Secret({ size: 10 }).base32.match(/.{4}/g) ?? []).join('-');
}

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secretBase32), period: PERIOD_SECONDS });
}

export function createTwoFactorService({ store, dataKey, lockout, hashing }: IdentityServiceDeps) {
  /**
   * A TOTP code is good for its ±1 step window, but only once: the first use claims its time step in
   * Redis, so a code seen over a shoulder or replayed from a log is refused.
   */
  async function acceptTotp(user: User, code: string, secretSealed: string): Promise<boolean> {
    if (!/^\d{6}$/.test(code)) return false;
    const totp = totpFor(open(dataKey, secretSealed), user.email);
    const delta = totp.validate({ token: code, window: 1 });
    if (delta === null) return false;
    const step = totp.counter() + delta;
    return store.setIfAbsent(`totp-used:${user.id}:${step}`, '1', PERIOD_SECONDS * 4 * 1000);
  }

  async function acceptBackupCode(ctx: IdentityContext, user: User, code: string): Promise<boolean> {
    const used = await ctx.prisma.backupCode.updateMany({
      where: { userId: user.id, codeHash: hashBackupCode(code), usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count === 0) return false;
    await recordSecurityEventNow(ctx.prisma, {
      type: 'BACKUP_CODE_USED',
      userId: user.id,
      client: ctx.client,
      correlationId: ctx.correlationId,
    });
    return true;
  }

  /** A TOTP or backup code for an enabled user; failures count towards the account's lockout. */
  async function verifySecondFactor(ctx: IdentityContext, user: User, code: string): Promise<void> {
    await lockout.assertNotLocked(user.emailNormalized, ctx.client?.ip ?? null);
    const trimmed = code.trim();
    const ok =
      user.totpSecretSealed !== null &&
      ((await acceptTotp(user, trimmed, user.totpSecretSealed)) ||
        (await acceptBackupCode(ctx, user, trimmed)));
    if (ok) return;
    const outcome = await lockout.recordFailure(user.emailNormalized, ctx.client?.ip ?? null);
    await recordSecurityEventNow(ctx.prisma, {
      type: outcome.locked ? 'ACCOUNT_LOCKED' : 'TWO_FACTOR_FAILED',
      userId: user.id,
      client: ctx.client,
      details: outcome.locked ? { scope: outcome.locked.scope, seconds: outcome.locked.seconds } : {},
      correlationId: ctx.correlationId,
    });
    throw new UnauthenticatedError('Invalid or already used code');
  }

  return {
    verifySecondFactor,

    async enroll(ctx: IdentityContext, user: User) {
      if (user.totpEnabledAt) throw new ConflictError('Two-factor authentication is already enabled');
      const secret = new Secret({ size: 20 }).base32;
      await ctx.prisma.user.update({
        where: { id: user.id },
        data: { totpSecretSealed: seal(dataKey, secret) },
      });
      return { secret, otpauthUri: totpFor(secret, user.email).toString() };
    },

    /** The first good code turns 2FA on and hands out the backup codes, once. */
    async confirm(ctx: IdentityContext, user: User, code: string) {
      if (user.totpEnabledAt) throw new ConflictError('Two-factor authentication is already enabled');
      if (!user.totpSecretSealed) throw new BadUserInputError('Start with enrollTotp', 'code');
      if (!(await acceptTotp(user, code.trim(), user.totpSecretSealed))) {
        throw new BadUserInputError('The code does not match', 'code');
      }
      const backupCodes = Array.from({ length: BACKUP_CODE_COUNT }, newBackupCode);
      await ctx.prisma.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
        await tx.backupCode.deleteMany({ where: { userId: user.id } });
        await tx.backupCode.createMany({
          data: backupCodes.map((backup) => ({ userId: user.id, codeHash: hashBackupCode(backup) })),
        });
        await recordSecurityEvent(tx, {
          type: 'TWO_FACTOR_ENABLED',
          userId: user.id,
          client: ctx.client,
          correlationId: ctx.correlationId,
        });
      });
      return { backupCodes };
    },

    async disable(ctx: IdentityContext, user: User, password: string, code: string): Promise<boolean> {
      if (!user.totpEnabledAt) throw new ConflictError('Two-factor authentication is not enabled');
      if (!(await hashing(() => verifyPassword(password, user.passwordHash)))) {
        await lockout.recordFailure(user.emailNormalized, ctx.client?.ip ?? null);
        throw new UnauthenticatedError('Wrong password');
      }
      await verifySecondFactor(ctx, user, code);
      await ctx.prisma.$transaction(async (tx) => {
        await tx.user.update({
          where: { id: user.id },
          data: { totpEnabledAt: null, totpSecretSealed: null },
        });
        await tx.backupCode.deleteMany({ where: { userId: user.id } });
        await recordSecurityEvent(tx, {
          type: 'TWO_FACTOR_DISABLED',
          userId: user.id,
          client: ctx.client,
          correlationId: ctx.correlationId,
        });
      });
      return true;
    },

    /** Login's pending second step: an opaque, single-use, five-minute challenge. */
    async createChallenge(userId: string): Promise<string> {
      const challenge = randomBytes(32).toString('base64url');
      await store.set(challengeKey(challenge), userId, 5 * 60_000);
      return challenge;
    },
    async challengeUser(challenge: string): Promise<string | null> {
      return store.get(challengeKey(challenge));
    },
    async consumeChallenge(challenge: string): Promise<void> {
      await store.delete(challengeKey(challenge));
    },
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
