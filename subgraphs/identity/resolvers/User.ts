import type {
  KycSubmissionResolvers,
  ProfileResolvers,
  SessionResolvers,
  UserResolvers,
} from '../generated/resolvers-types';
import { MAX_SECURITY_EVENTS } from '../loaders';
import { ADMINS, isOwnerOrStaff, STAFF } from '../../../platform/auth/access';
import { preferencesOf } from '../services/profile';
import type { IdentityServices } from './services';

export function createUserResolvers({ users }: IdentityServices): UserResolvers {
  return {
    __resolveReference: (reference, ctx) => users.findUser(ctx, reference.id),
    email: (user, _args, ctx) => (isOwnerOrStaff(ctx.viewer, user.id, ADMINS) ? user.email : null),
    roles: (user) => user.roles,
    // A session list is the user's own business: not even admins read it through this field.
    sessions: (user, _args, ctx) =>
      ctx.viewer?.userId === user.id ? ctx.loaders.openSessionsByUserId.load(user.id) : [],
    twoFactorEnabled: (user, _args, ctx) =>
      isOwnerOrStaff(ctx.viewer, user.id, ADMINS) ? user.totpEnabledAt !== null : null,
    profile: (user, _args, ctx) =>
      isOwnerOrStaff(ctx.viewer, user.id, STAFF) ? ctx.loaders.profileByUserId.load(user.id) : null,
    kyc: (user, _args, ctx) =>
      isOwnerOrStaff(ctx.viewer, user.id, STAFF) ? ctx.loaders.latestKycByUserId.load(user.id) : null,
    securityEvents: async (user, { first }, ctx) => {
      if (!isOwnerOrStaff(ctx.viewer, user.id, STAFF)) return [];
      const limit = Math.min(Math.max(first ?? 20, 0), MAX_SECURITY_EVENTS);
      return (await ctx.loaders.securityEventsByUserId.load(user.id)).slice(0, limit);
    },
  };
}

export const sessionResolvers: SessionResolvers = {
  current: (session, _args, ctx) => ctx.viewer?.sessionId === session.id,
};

export const profileResolvers: ProfileResolvers = {
  dateOfBirth: (profile) => profile.dateOfBirth?.toISOString().slice(0, 10) ?? null,
  preferences: (profile) => preferencesOf(profile),
};

export const kycSubmissionResolvers: KycSubmissionResolvers = {
  user: async (submission, _args, ctx) => {
    const user = await ctx.loaders.userById.load(submission.userId);
    if (!user) throw new Error(`KYC submission ${submission.id} has no user`);
    return user;
  },
};
