import type { AccessTokenSigner } from '../../../platform/auth/accessToken';
import { hashPassword, verifyPassword } from '../../../platform/auth/password';
import type { Viewer } from '../../../platform/auth/viewer';
import { ConflictError, UnauthenticatedError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/events/outbox';
import { Topics, type UserRegisteredPayload } from '../../../platform/events/topics';
import { isUuid } from '../../../platform/loaders';
import type { User } from '../../../platform/prisma/generated/client';
import type { IdentityContext } from '../context';
import type { LoginInput, RegisterInput } from '../generated/resolvers-types';
import { openSession } from './sessions';
import { parseInput, registerInputSchema } from './validation';

export function canSeePrivateFields(viewer: Viewer | null, userId: string): boolean {
  return viewer !== null && (viewer.userId === userId || viewer.roles.includes('ADMIN'));
}

// Verified against when the email is unknown, so a miss costs the same time as a wrong password.
const decoyHash = hashPassword('decoy-password-never-matches');

export function createUserService(signer: AccessTokenSigner) {
  async function tierOf(ctx: IdentityContext, userId: string) {
    const row = await ctx.prisma.userTier.findUnique({ where: { userId } });
    return row?.tier ?? 'FREE';
  }

  return {
    async register(ctx: IdentityContext, raw: RegisterInput) {
      const input = parseInput(registerInputSchema, raw);
      const passwordHash = await hashPassword(input.password);
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
          const tokens = await openSession(tx, signer, user, 'FREE');
          return { ...tokens, user, twoFactorRequired: false };
        });
      } catch (error) {
        if ((error as { code?: unknown }).code === 'P2002') {
          throw new ConflictError('An account with this email already exists', { field: 'email' });
        }
        throw error;
      }
    },

    async login(ctx: IdentityContext, input: LoginInput) {
      const user = await ctx.prisma.user.findUnique({
        where: { emailNormalized: input.email.trim().toLowerCase() },
      });
      const valid = user
        ? await verifyPassword(input.password, user.passwordHash)
        : await verifyPassword(input.password, await decoyHash).then(() => false);
      if (!user || !valid) throw new UnauthenticatedError('Invalid email or password');
      const tokens = await openSession(ctx.prisma, signer, user, await tierOf(ctx, user.id));
      ctx.logger.info({ userId: user.id }, 'login');
      return { ...tokens, user, twoFactorRequired: false };
    },

    /** Public profile for anyone; `email` is filtered per field (canSeePrivateFields). */
    async findUser(ctx: IdentityContext, id: string): Promise<User | null> {
      if (!isUuid(id)) return null;
      return ctx.loaders.userById.load(id);
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
