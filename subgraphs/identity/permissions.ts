import {
  allow,
  federationRules,
  hasRole,
  isAuthenticated,
  type SubgraphPermissions,
} from '../../platform/permissions';

/**
 * Who may ask identity for what; unlisted fields are denied. Per-user narrowing (email, 2FA, profile,
 * KYC, security events only to the user or staff; sessions only to the user) stays in the resolvers
 * and services/authorization, which answer `null`/`[]` for other users' User entities, so a User reached
 * through another subgraph (a certificate holder, a course instructor) still resolves its public fields.
 */
const staff = hasRole('SUPPORT', 'ADMIN');
const admin = hasRole('ADMIN');

export const identityPermissions: SubgraphPermissions = {
  Query: {
    ...federationRules,
    // null when anonymous: clients ask `me` to learn whether they are signed in.
    me: allow,
    // Self or staff, checked in the resolver against the id argument (anyone else's: NOT_FOUND).
    user: isAuthenticated,
    kycReviewQueue: staff,
    userAnalytics: admin,
  },
  Mutation: {
    // The ways in: anonymous by nature, throttled by the lockout and the gateway's auth limits.
    register: allow,
    login: allow,
    completeTwoFactorLogin: allow,
    refreshSession: allow,
    logout: isAuthenticated,
    revokeSession: isAuthenticated,
    revokeOtherSessions: isAuthenticated,
    enrollTotp: isAuthenticated,
    confirmTotp: isAuthenticated,
    disableTotp: isAuthenticated,
    grantRole: admin,
    revokeRole: admin,
    updateProfile: isAuthenticated,
    submitKyc: isAuthenticated,
    reviewKyc: staff,
    revealPan: staff,
    changePassword: isAuthenticated,
    // Anonymous by nature (the user cannot sign in); the gateway's auth limits throttle them like login.
    requestPasswordReset: allow,
    resetPassword: allow,
    rotateSigningKey: admin,
  },
  User: {
    // Public face of a user (instructors, certificate holders, signal authors).
    id: allow,
    name: allow,
    roles: allow,
    kycStatus: allow,
    isDemo: allow,
    createdAt: allow,
    // Private: never for anonymous callers; the resolvers narrow further to self/staff.
    email: isAuthenticated,
    sessions: isAuthenticated,
    twoFactorEnabled: isAuthenticated,
    profile: isAuthenticated,
    kyc: isAuthenticated,
    securityEvents: isAuthenticated,
  },
  // Only reachable through the private User fields above, the auth payloads or staff-only queries.
  Session: isAuthenticated,
  KycSubmission: isAuthenticated,
  SecurityEvent: isAuthenticated,
  Profile: isAuthenticated,
  Preferences: isAuthenticated,
  TotpEnrollment: isAuthenticated,
  TotpActivation: isAuthenticated,
  SigningKeyRotation: admin,
  UserAnalytics: admin,
  UserDailyCount: admin,
  KycStatusCount: admin,
  RoleCount: admin,
  // Returned by login/register, before there is a viewer.
  AuthPayload: allow,
};
