import type { MutationResolvers } from '../generated/resolvers-types';
import { recordSecurityEvent } from '../services/audit';
import { requireRole, requireViewer } from '../../../platform/auth/access';
import { reviewKyc, submitKyc } from '../services/kyc';
import { revealPan } from '../services/panSealing';
import { updateProfile } from '../services/profile';
import { changeRole } from '../services/roles';
import type { IdentityServices } from './services';

export function createMutationResolvers(services: IdentityServices): MutationResolvers {
  const { users, sessions, twoFactor, passwords, passwordResets, deps } = services;
  return {
    register: (_parent, { input }, ctx) => users.register(ctx, input),
    login: (_parent, { input }, ctx) => users.login(ctx, input),
    completeTwoFactorLogin: (_parent, { challenge, code }, ctx) =>
      users.completeTwoFactorLogin(ctx, challenge, code),
    refreshSession: (_parent, { refreshToken }, ctx) => sessions.refresh(ctx, refreshToken),
    logout: async (_parent, _args, ctx) => {
      const viewer = requireViewer(ctx.viewer);
      await sessions.revoke(ctx, viewer.userId, { id: viewer.sessionId }, 'LOGOUT');
      return true;
    },
    revokeSession: async (_parent, { id }, ctx) => {
      const viewer = requireViewer(ctx.viewer);
      // Scoped to the viewer's own sessions: someone else's id simply matches nothing.
      return (await sessions.revoke(ctx, viewer.userId, { id }, 'REVOKED')) > 0;
    },
    revokeOtherSessions: (_parent, _args, ctx) => {
      const viewer = requireViewer(ctx.viewer);
      return sessions.revoke(ctx, viewer.userId, { notId: viewer.sessionId }, 'REVOKED_OTHERS');
    },
    enrollTotp: async (_parent, _args, ctx) => twoFactor.enroll(ctx, await users.currentUser(ctx)),
    confirmTotp: async (_parent, { code }, ctx) => twoFactor.confirm(ctx, await users.currentUser(ctx), code),
    disableTotp: async (_parent, { password, code }, ctx) =>
      twoFactor.disable(ctx, await users.currentUser(ctx), password, code),
    grantRole: (_parent, { userId, role }, ctx) => changeRole(ctx, userId, role, 'grant'),
    revokeRole: (_parent, { userId, role }, ctx) => changeRole(ctx, userId, role, 'revoke'),
    updateProfile: (_parent, { input }, ctx) => updateProfile(ctx, input),
    submitKyc: (_parent, { input }, ctx) => submitKyc(ctx, input, deps.panKey),
    revealPan: (_parent, { userId }, ctx) => revealPan(ctx, userId, deps.panKey),
    reviewKyc: (_parent, { id, decision, reason }, ctx) =>
      reviewKyc(ctx, id, decision, reason, deps.settings.KYC_VALIDITY_DAYS),
    changePassword: async (_parent, { currentPassword, newPassword }, ctx) =>
      passwords.changePassword(ctx, await users.currentUser(ctx), currentPassword, newPassword),
    requestPasswordReset: (_parent, { email }, ctx) => passwordResets.request(ctx, email),
    resetPassword: (_parent, { token, newPassword }, ctx) => passwordResets.reset(ctx, token, newPassword),
    rotateSigningKey: async (_parent, _args, ctx) => {
      const admin = requireRole(ctx.viewer, 'ADMIN');
      const rotation = await deps.signer.rotate(services.keyPublishLeadMs);
      await ctx.prisma.$transaction((tx) =>
        recordSecurityEvent(tx, {
          type: 'SIGNING_KEY_ROTATED',
          userId: null,
          actorId: admin.userId,
          client: ctx.client,
          details: { kid: rotation.kid, signsFrom: rotation.signsFrom.toISOString() },
          correlationId: ctx.correlationId,
        }),
      );
      return rotation;
    },
  };
}
