import { hashPassword, verifyPassword } from '../../../platform/auth/password';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/events/outbox';
import { Topics, type UserRegisteredPayload } from '../../../platform/events/topics';
import { isUuid } from '../../../platform/loaders';
import type { User } from '../../../platform/prisma/generated/client';
import type { IdentityContext } from '../context';
import type { LoginInput, RegisterInput } from '../generated/resolvers-types';
import { recordSecurityEvent, recordSecurityEventNow } from './audit';
import type { IdentityServiceDeps } from './deps';
import type { PasswordService } from './password';
import type { SessionService } from './sessions';
import type { TwoFactorService } from './twoFactor';
import { parseInput, registerInputSchema } from './validation';

export function createUserService(
  deps: IdentityServiceDeps,
  sessions: SessionService,
  twoFactor: TwoFactorService,
  passwords: PasswordService,
) {
  const { lockout, passwordParams, hashing } = deps;
  // Verified against when the email is unknown, so a miss costs the same time as a wrong password.
  const decoyHash = hashing(() => hashPassword('decoy-password-never-matches', passwordParams));

  /** Tokens for a user who has passed every factor, recorded as a login. */
  async function signIn(ctx: IdentityContext, user: User, method: string) {
    const tokens = await ctx.prisma.$transaction(async (tx) => {
      const issued = await sessions.open(tx, ctx, user);
      await recordSecurityEvent(tx, {
        type: 'LOGIN_SUCCEEDED',
        userId: user.id,
        client: ctx.client,
        details: { method, sessionId: issued.sessionId },
        correlationId: ctx.correlationId,
      });
      return issued;
    });
    ctx.logger.info({ userId: user.id, sessionId: tokens.sessionId }, 'login');
    return { ...tokens, user, twoFactorRequired: false, twoFactorChallenge: null };
  }

  return {
    async register(ctx: IdentityContext, raw: RegisterInput) {
      const input = parseInput(registerInputSchema, raw);
      const passwordHash = await hashing(() => hashPassword(input.password, passwordParams));
      try {
        return await ctx.prisma.$transaction(async (tx) => {
          const user = await tx.user.create({
            data: {
              email: input.email,
              emailNormalized: input.email.toLowerCase(),
              name: input.name ?? null,
              phone: input.phone ?? null,
              passwordHash,
            },
          });
          await tx.userTier.create({ data: { userId: user.id, tier: 'FREE' } });
          await enqueueEvent<UserRegisteredPayload>(tx, 'identity', {
            topic: Topics.userRegistered,
            key: user.id,
            type: 'UserRegistered',
            payload: { userId: user.id, email: user.email, name: user.name },
            correlationId: ctx.correlationId,
          });
          const tokens = await sessions.open(tx, ctx, user);
          return { ...tokens, user, twoFactorRequired: false, twoFactorChallenge: null };
        });
      } catch (error) {
        if ((error as { code?: unknown }).code === 'P2002') {
          throw new ConflictError('An account with this email already exists', { field: 'email' });
        }
        throw error;
      }
    },

    /**
     * Every call is one attempt against the account and the IP counters, whether it arrives alone or
     * as one of many aliases in a request; a locked account is refused before any hashing.
     */
    async login(ctx: IdentityContext, input: LoginInput) {
      const account = input.email.trim().toLowerCase().slice(0, 254);
      const ip = ctx.client?.ip ?? null;
      await lockout.assertNotLocked(account, ip);
      const user = await ctx.prisma.user.findUnique({ where: { emailNormalized: account } });
      const encoded = user?.passwordHash ?? (await decoyHash);
      const valid = (await hashing(() => verifyPassword(input.password, encoded))) && user !== null;
      if (!user || !valid) {
        const outcome = await lockout.recordFailure(account, ip);
        await recordSecurityEventNow(ctx.prisma, {
          type: outcome.locked
            ? outcome.locked.scope === 'ip'
              ? 'IP_LOCKED'
              : 'ACCOUNT_LOCKED'
            : 'LOGIN_FAILED',
          userId: user?.id ?? null,
          client: ctx.client,
          details: outcome.locked ? { scope: outcome.locked.scope, seconds: outcome.locked.seconds } : {},
          correlationId: ctx.correlationId,
        });
        throw new UnauthenticatedError('Invalid email or password');
      }
      await lockout.recordSuccess(account);
      await passwords.upgradeHash(ctx.prisma, user, input.password);
      if (user.totpEnabledAt) {
        const challenge = await twoFactor.createChallenge(user.id);
        return {
          accessToken: null,
          refreshToken: null,
          user,
          twoFactorRequired: true,
          twoFactorChallenge: challenge,
        };
      }
      return signIn(ctx, user, 'password');
    },

    async completeTwoFactorLogin(ctx: IdentityContext, challenge: string, code: string) {
      const userId = await twoFactor.challengeUser(challenge);
      const user = userId ? await ctx.prisma.user.findUnique({ where: { id: userId } }) : null;
      if (!user) throw new UnauthenticatedError('The login challenge is invalid or has expired');
      await twoFactor.verifySecondFactor(ctx, user, code);
      await twoFactor.consumeChallenge(challenge);
      return signIn(ctx, user, 'password+totp');
    },

    /** Public profile for anyone; private fields are filtered per field (authorization.ts). */
    async findUser(ctx: IdentityContext, id: string): Promise<User | null> {
      if (!isUuid(id)) return null;
      return ctx.loaders.userById.load(id);
    },

    /** The signed-in user's row, fresh (not cached), for changes that depend on it. */
    async currentUser(ctx: IdentityContext): Promise<User> {
      if (!ctx.viewer) throw new UnauthenticatedError();
      const user = await ctx.prisma.user.findUnique({ where: { id: ctx.viewer.userId } });
      if (!user) throw new NotFoundError('User', ctx.viewer.userId);
      return user;
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
