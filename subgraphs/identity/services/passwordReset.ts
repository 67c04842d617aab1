import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { hashPassword } from '../../../platform/auth/password';
import type { EmailMessage } from '../../../platform/email/emailSender';
import { BadUserInputError } from '../../../platform/errors';
import type { IdentityContext } from '../context';
import { recordSecurityEvent } from './audit';
import type { IdentityServiceDeps } from './deps';
import type { PasswordService } from './password';
import { parseInput, passwordSchema } from './validation';

const HOUR_MS = 3_600_000;

/** Only this digest is stored: a database dump hands out no working reset links. */
const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

const resetInputSchema = z.object({ newPassword: passwordSchema });

/** One error for unknown, used, superseded and expired tokens: which one it was helps nobody but an attacker. */
const invalidToken = () =>
  new BadUserInputError('This password reset link is invalid, used or expired: ask for a new one', 'token');

/**
 * Password reset by email. Requests answer true whatever the email, doing the same database work for
 * an unknown one, and mail after the commit without waiting: neither the answer nor its timing tells
 * whether an account exists. Resets consume the token with a conditional update in the transaction
 * that sets the password, so one token resets once even under concurrent calls.
 */
export function createPasswordResetService(deps: IdentityServiceDeps, passwords: PasswordService) {
  const { settings, hashing, passwordParams, lockout, email, logger } = deps;
  const appUrl = settings.APP_URL.replace(/\/+$/, '');

  function deliver(message: EmailMessage, correlationId: string): void {
    void email.send(message).catch((error: unknown) => {
      logger.error({ err: error, correlationId, tag: message.tag }, 'email not sent');
    });
  }

  return {
    async request(ctx: IdentityContext, rawEmail: string): Promise<true> {
      const account = rawEmail.trim().toLowerCase().slice(0, 254);
      const token = randomBytes(32).toString('base64url');
      const now = new Date();
      const recipient = await ctx.prisma.$transaction(async (tx) => {
        const audit = (userId: string | null, details: Record<string, boolean>) =>
          recordSecurityEvent(tx, {
            type: 'PASSWORD_RESET_REQUESTED',
            userId,
            client: ctx.client,
            details,
            correlationId: ctx.correlationId,
          });
        const user = await tx.user.findUnique({
          where: { emailNormalized: account },
          select: { id: true, email: true },
        });
        if (!user) {
          await audit(null, { accountFound: false, emailSent: false });
          return null;
        }
        // Concurrent requests for one account queue here, so the hourly cap holds exactly.
        await tx.$executeRaw`SELECT 1 FROM identity."user" WHERE id = ${user.id}::uuid FOR UPDATE`;
        const recent = await tx.passwordResetToken.count({
          where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } },
        });
        if (recent >= settings.PASSWORD_RESET_EMAILS_PER_HOUR) {
          await audit(user.id, { accountFound: true, emailSent: false, throttled: true });
          return null;
        }
        await tx.passwordResetToken.updateMany({
          where: { userId: user.id, usedAt: null, supersededAt: null },
          data: { supersededAt: now },
        });
        await tx.passwordResetToken.create({
          data: {
            userId: user.id,
            tokenHash: tokenHashOf(token),
            createdAt: now,
            expiresAt: new Date(now.getTime() + settings.PASSWORD_RESET_TTL_MINUTES * 60_000),
            requestIp: ctx.client?.ip ?? null,
          },
        });
        await audit(user.id, { accountFound: true, emailSent: true });
        return user.email;
      });
      if (recipient) {
        deliver(
          {
            to: recipient,
            subject: 'Reset your TradeSchool password',
            tag: 'password-reset',
            text: [
              'Someone, hopefully you, asked to reset the password of your TradeSchool account.',
              '',
              `Choose a new password here within ${settings.PASSWORD_RESET_TTL_MINUTES} minutes:`,
              `${appUrl}/reset-password?token=${token}`,
              '',
              `Or paste this reset code into the app: ${token}`,
              '',
              'The link works once. If you did not ask for it, ignore this email: your password stays as it is.',
            ].join('\n'),
          },
          ctx.correlationId,
        );
      }
      return true;
    },

    async reset(ctx: IdentityContext, token: string, newPassword: string): Promise<true> {
      // Before the token is looked at: a password the policy refuses leaves the token usable.
      const { newPassword: password } = parseInput(resetInputSchema, { newPassword });
      const tokenHash = tokenHashOf(token);
      const usable = () => ({ tokenHash, usedAt: null, supersededAt: null, expiresAt: { gt: new Date() } });
      const found = await ctx.prisma.passwordResetToken.findFirst({
        where: usable(),
        select: { id: true, user: { select: { id: true, email: true, emailNormalized: true } } },
      });
      if (!found) throw invalidToken();
      const passwordHash = await hashing(() => hashPassword(password, passwordParams));
      await passwords.replacePassword(ctx, found.user.id, passwordHash, {
        keep: null,
        revokedReason: 'PASSWORD_RESET',
        audit: 'PASSWORD_RESET',
        precondition: async (tx) => {
          // Conditional on still being usable: of concurrent resets with one token only one matches.
          const consumed = await tx.passwordResetToken.updateMany({
            where: { id: found.id, ...usable() },
            data: { usedAt: new Date() },
          });
          if (consumed.count !== 1) throw invalidToken();
          await tx.passwordResetToken.updateMany({
            where: { userId: found.user.id, usedAt: null, supersededAt: null },
            data: { supersededAt: new Date() },
          });
        },
      });
      // Whoever reads the mailbox owns the account: a lockout from someone guessing must not keep them out.
      await lockout.clearAccount(found.user.emailNormalized);
      deliver(
        {
          to: found.user.email,
          subject: 'Your TradeSchool password was changed',
          tag: 'password-changed',
          text: [
            'The password of your TradeSchool account was just changed with a reset link,',
            'and every device that was signed in has been signed out.',
            '',
            'If this was not you, reset your password again at once and contact support.',
          ].join('\n'),
        },
        ctx.correlationId,
      );
      return true;
    },
  };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
