import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { User as UserModel, Session as SessionModel, Profile as ProfileModel, KycSubmission as KycSubmissionModel, SecurityEvent as SecurityEventModel } from '../../../platform/prisma/generated/client';
import type { IdentityContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An RFC 3339 timestamp with a time zone. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** JWT (ES256, 15 minutes): send as `Authorization: Bearer <token>`. Null while a second factor is due. */
  accessToken: Maybe<Scalars['String']['output']>;
  /** Opaque, 7 days, rotated on every use, stored only hashed. Null while a second factor is due. */
  refreshToken: Maybe<Scalars['String']['output']>;
  /** Opaque, 5 minutes: pass it with the code to completeTwoFactorLogin. */
  twoFactorChallenge: Maybe<Scalars['String']['output']>;
  /** True when the password was right and a TOTP or backup code must follow (completeTwoFactorLogin). */
  twoFactorRequired: Scalars['Boolean']['output'];
  user: User;
};

export type InvestmentExperience =
  | 'BEGINNER'
  | 'EXPERIENCED'
  | 'INTERMEDIATE'
  | 'NONE';

export type InvestmentHorizon =
  | 'LONG'
  | 'MEDIUM'
  | 'SHORT';

export type KycDecision =
  | 'REJECTED'
  | 'VERIFIED';

export type KycInput = {
  /** Twelve digits (spaces allowed); only the last four are kept. */
  aadhaar: Scalars['String']['input'];
  /** Ten characters: AAAAA9999A. */
  pan: Scalars['String']['input'];
};

export type KycStatus =
  | 'EXPIRED'
  | 'NONE'
  | 'PENDING'
  | 'REJECTED'
  | 'VERIFIED';

export type KycStatusCount = {
  __typename?: 'KycStatusCount';
  count: Scalars['Int']['output'];
  status: Scalars['String']['output'];
};

export type KycSubmission = {
  __typename?: 'KycSubmission';
  /** XXXX-XXXX-1234: the full number is never stored. */
  aadhaarMasked: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** XXXXX1234X: only the four digits. The PAN is sealed at rest; SUPPORT and ADMIN see it whole through revealPan (audited). */
  panMasked: Scalars['String']['output'];
  rejectionReason: Maybe<Scalars['String']['output']>;
  reviewedAt: Maybe<Scalars['DateTime']['output']>;
  /** 0 (low) to 100 (high). */
  riskScore: Scalars['Int']['output'];
  status: KycStatus;
  submittedAt: Scalars['DateTime']['output'];
  user: User;
};

export type LoginInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Needs the current password; ends every other session of the user. Returns how many were ended. */
  changePassword: Scalars['Int']['output'];
  /** Second step of a login with TOTP enabled: a current TOTP code or an unused backup code. */
  completeTwoFactorLogin: AuthPayload;
  confirmTotp: TotpActivation;
  disableTotp: Scalars['Boolean']['output'];
  /** Starts TOTP enrolment; login asks for codes only after confirmTotp. */
  enrollTotp: TotpEnrollment;
  grantRole: User;
  login: AuthPayload;
  /** Ends the current session; its access token is refused from now on. */
  logout: Scalars['Boolean']['output'];
  /** Rotates: returns a new refresh token; the one presented stops working (after a short grace window). */
  refreshSession: AuthPayload;
  register: AuthPayload;
  /**
   * Emails a single-use password reset link (valid PASSWORD_RESET_TTL_MINUTES, 30 by default) to the
   * account with this email, if there is one. Always true, whether or not the email has an account; at
   * most 3 emails per account per hour, further requests send nothing. A new link replaces earlier ones.
   */
  requestPasswordReset: Scalars['Boolean']['output'];
  /**
   * Sets a new password with the token from a reset email, ends every session of the user and emails a
   * notice. BAD_USER_INPUT with field "token" for an unknown, used or expired token; with field
   * "newPassword" when the password fails the policy (the token then still works).
   */
  resetPassword: Scalars['Boolean']['output'];
  /** SUPPORT and ADMIN: the full PAN of the user's latest KYC application. Recorded as a PAN_REVEALED security event (who, whom, when). */
  revealPan: Scalars['String']['output'];
  reviewKyc: KycSubmission;
  /** Ends every session but the current one; returns how many. */
  revokeOtherSessions: Scalars['Int']['output'];
  revokeRole: User;
  revokeSession: Scalars['Boolean']['output'];
  /** Publishes a new signing key now; it signs after the JWKS caches have had time to fetch it (ADMIN). */
  rotateSigningKey: SigningKeyRotation;
  submitKyc: KycSubmission;
  updateProfile: Profile;
};


export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationCompleteTwoFactorLoginArgs = {
  challenge: Scalars['String']['input'];
  code: Scalars['String']['input'];
};


export type MutationConfirmTotpArgs = {
  code: Scalars['String']['input'];
};


export type MutationDisableTotpArgs = {
  code: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationGrantRoleArgs = {
  role: Role;
  userId: Scalars['ID']['input'];
};


export type MutationLoginArgs = {
  input: LoginInput;
};


export type MutationRefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRegisterArgs = {
  input: RegisterInput;
};


export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


export type MutationResetPasswordArgs = {
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


export type MutationRevealPanArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationReviewKycArgs = {
  decision: KycDecision;
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRevokeRoleArgs = {
  role: Role;
  userId: Scalars['ID']['input'];
};


export type MutationRevokeSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSubmitKycArgs = {
  input: KycInput;
};


export type MutationUpdateProfileArgs = {
  input: ProfileInput;
};

export type Preferences = {
  __typename?: 'Preferences';
  language: Scalars['String']['output'];
  marketingEmails: Scalars['Boolean']['output'];
  signalAlerts: Scalars['Boolean']['output'];
  timezone: Scalars['String']['output'];
};

export type PreferencesInput = {
  language?: InputMaybe<Scalars['String']['input']>;
  marketingEmails?: InputMaybe<Scalars['Boolean']['input']>;
  signalAlerts?: InputMaybe<Scalars['Boolean']['input']>;
  timezone?: InputMaybe<Scalars['String']['input']>;
};

export type Profile = {
  __typename?: 'Profile';
  /** YYYY-MM-DD. */
  dateOfBirth: Maybe<Scalars['String']['output']>;
  firstName: Maybe<Scalars['String']['output']>;
  investmentExperience: Maybe<InvestmentExperience>;
  investmentHorizon: Maybe<InvestmentHorizon>;
  lastName: Maybe<Scalars['String']['output']>;
  preferences: Preferences;
  riskTolerance: Maybe<RiskTolerance>;
};

export type ProfileInput = {
  /** YYYY-MM-DD; the user must be at least 18. */
  dateOfBirth?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  investmentExperience?: InputMaybe<InvestmentExperience>;
  investmentHorizon?: InputMaybe<InvestmentHorizon>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  preferences?: InputMaybe<PreferencesInput>;
  riskTolerance?: InputMaybe<RiskTolerance>;
};

export type Query = {
  __typename?: 'Query';
  /** PENDING KYC applications, oldest first (SUPPORT and ADMIN). */
  kycReviewQueue: Array<KycSubmission>;
  /** The signed-in user; null when anonymous. */
  me: Maybe<User>;
  /** Admins and support see anyone; others only themselves. */
  user: Maybe<User>;
  /** ADMIN: sign-ups, KYC funnel and role mix of the users who signed up in [from, to); totalUsers as of `to`. */
  userAnalytics: UserAnalytics;
};


export type QueryKycReviewQueueArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUserAnalyticsArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

export type RegisterInput = {
  email: Scalars['String']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  /** At least 10 characters, not all of one kind. */
  password: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type RiskTolerance =
  | 'HIGH'
  | 'LOW'
  | 'MODERATE';

export type Role =
  | 'ADMIN'
  | 'ANALYST'
  | 'INSTRUCTOR'
  | 'LEARNER'
  | 'SUPPORT'
  | 'TRADER';

export type RoleCount = {
  __typename?: 'RoleCount';
  count: Scalars['Int']['output'];
  role: Scalars['String']['output'];
};

export type SecurityEvent = {
  __typename?: 'SecurityEvent';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  ip: Maybe<Scalars['String']['output']>;
  type: Scalars['String']['output'];
  userAgent: Maybe<Scalars['String']['output']>;
};

/** One sign-in on one device (a refresh-token family). */
export type Session = {
  __typename?: 'Session';
  createdAt: Scalars['DateTime']['output'];
  /** The session the request was made with. */
  current: Scalars['Boolean']['output'];
  /** The browser or app, from its User-Agent. */
  device: Maybe<Scalars['String']['output']>;
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  ip: Maybe<Scalars['String']['output']>;
  lastUsedAt: Scalars['DateTime']['output'];
};

export type SigningKeyRotation = {
  __typename?: 'SigningKeyRotation';
  kid: Scalars['String']['output'];
  signsFrom: Scalars['DateTime']['output'];
};

export type TotpActivation = {
  __typename?: 'TotpActivation';
  /** Ten single-use codes, shown once; only their hashes are kept. */
  backupCodes: Array<Scalars['String']['output']>;
};

export type TotpEnrollment = {
  __typename?: 'TotpEnrollment';
  /** otpauth://totp/... for a QR code. */
  otpauthUri: Scalars['String']['output'];
  /** Base32 secret, for manual entry. */
  secret: Scalars['String']['output'];
};

/** A person with an account. Other subgraphs add their own fields (enrollments, tier, portfolio...). */
export type User = {
  __typename?: 'User';
  createdAt: Scalars['DateTime']['output'];
  /** Visible to the user themself and to admins; null for anyone else. */
  email: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** A demo account created by the development seed (never present in production). */
  isDemo: Scalars['Boolean']['output'];
  /** The latest KYC application; only for the user themself, SUPPORT and ADMIN. */
  kyc: Maybe<KycSubmission>;
  kycStatus: KycStatus;
  name: Maybe<Scalars['String']['output']>;
  /** Only for the user themself, SUPPORT and ADMIN. */
  profile: Maybe<Profile>;
  roles: Array<Role>;
  /** The user's own audit trail, newest first (self, SUPPORT, ADMIN). */
  securityEvents: Array<SecurityEvent>;
  /** The user's open sessions, newest first; only for the user themself (empty for anyone else). */
  sessions: Array<Session>;
  /** Whether login asks for a TOTP code; null for anyone but the user and admins. */
  twoFactorEnabled: Maybe<Scalars['Boolean']['output']>;
};


/** A person with an account. Other subgraphs add their own fields (enrollments, tier, portfolio...). */
export type UserSecurityEventsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type UserAnalytics = {
  __typename?: 'UserAnalytics';
  /** The range's sign-ups by current KYC status: NOT_SUBMITTED, PENDING, VERIFIED, REJECTED, EXPIRED (all five, in order). */
  kycFunnel: Array<KycStatusCount>;
  /** The range's sign-ups per role (a user with two roles counts in both), most common first. */
  roleMix: Array<RoleCount>;
  /** Sign-ups per UTC day in the range, days without any left out, ascending. */
  signupsByDay: Array<UserDailyCount>;
  /** Accounts created before `to`. */
  totalUsers: Scalars['Int']['output'];
};

export type UserDailyCount = {
  __typename?: 'UserDailyCount';
  count: Scalars['Int']['output'];
  /** YYYY-MM-DD (UTC). */
  day: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuthPayload: ResolverTypeWrapper<Omit<AuthPayload, 'user'> & { user: ResolversTypes['User'] }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  InvestmentExperience: InvestmentExperience;
  InvestmentHorizon: InvestmentHorizon;
  KycDecision: KycDecision;
  KycInput: KycInput;
  KycStatus: KycStatus;
  KycStatusCount: ResolverTypeWrapper<KycStatusCount>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  KycSubmission: ResolverTypeWrapper<KycSubmissionModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  LoginInput: LoginInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Preferences: ResolverTypeWrapper<Preferences>;
  PreferencesInput: PreferencesInput;
  Profile: ResolverTypeWrapper<ProfileModel>;
  ProfileInput: ProfileInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterInput: RegisterInput;
  RiskTolerance: RiskTolerance;
  Role: Role;
  RoleCount: ResolverTypeWrapper<RoleCount>;
  SecurityEvent: ResolverTypeWrapper<SecurityEventModel>;
  Session: ResolverTypeWrapper<SessionModel>;
  SigningKeyRotation: ResolverTypeWrapper<SigningKeyRotation>;
  TotpActivation: ResolverTypeWrapper<TotpActivation>;
  TotpEnrollment: ResolverTypeWrapper<TotpEnrollment>;
  User: ResolverTypeWrapper<UserModel>;
  UserAnalytics: ResolverTypeWrapper<UserAnalytics>;
  UserDailyCount: ResolverTypeWrapper<UserDailyCount>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuthPayload: Omit<AuthPayload, 'user'> & { user: ResolversParentTypes['User'] };
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  KycInput: KycInput;
  KycStatusCount: KycStatusCount;
  Int: Scalars['Int']['output'];
  KycSubmission: KycSubmissionModel;
  ID: Scalars['ID']['output'];
  LoginInput: LoginInput;
  Mutation: Record<PropertyKey, never>;
  Preferences: Preferences;
  PreferencesInput: PreferencesInput;
  Profile: ProfileModel;
  ProfileInput: ProfileInput;
  Query: Record<PropertyKey, never>;
  RegisterInput: RegisterInput;
  RoleCount: RoleCount;
  SecurityEvent: SecurityEventModel;
  Session: SessionModel;
  SigningKeyRotation: SigningKeyRotation;
  TotpActivation: TotpActivation;
  TotpEnrollment: TotpEnrollment;
  User: UserModel;
  UserAnalytics: UserAnalytics;
  UserDailyCount: UserDailyCount;
};

export type AuthPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = {
  accessToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  refreshToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  twoFactorChallenge?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  twoFactorRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type KycStatusCountResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['KycStatusCount'] = ResolversParentTypes['KycStatusCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type KycSubmissionResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['KycSubmission'] = ResolversParentTypes['KycSubmission']> = {
  aadhaarMasked?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  panMasked?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rejectionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reviewedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  riskScore?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['KycStatus'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  changePassword?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'currentPassword' | 'newPassword'>>;
  completeTwoFactorLogin?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationCompleteTwoFactorLoginArgs, 'challenge' | 'code'>>;
  confirmTotp?: Resolver<ResolversTypes['TotpActivation'], ParentType, ContextType, RequireFields<MutationConfirmTotpArgs, 'code'>>;
  disableTotp?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDisableTotpArgs, 'code' | 'password'>>;
  enrollTotp?: Resolver<ResolversTypes['TotpEnrollment'], ParentType, ContextType>;
  grantRole?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationGrantRoleArgs, 'role' | 'userId'>>;
  login?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'input'>>;
  logout?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  refreshSession?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRefreshSessionArgs, 'refreshToken'>>;
  register?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRegisterArgs, 'input'>>;
  requestPasswordReset?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRequestPasswordResetArgs, 'email'>>;
  resetPassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'newPassword' | 'token'>>;
  revealPan?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<MutationRevealPanArgs, 'userId'>>;
  reviewKyc?: Resolver<ResolversTypes['KycSubmission'], ParentType, ContextType, RequireFields<MutationReviewKycArgs, 'decision' | 'id'>>;
  revokeOtherSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  revokeRole?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationRevokeRoleArgs, 'role' | 'userId'>>;
  revokeSession?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRevokeSessionArgs, 'id'>>;
  rotateSigningKey?: Resolver<ResolversTypes['SigningKeyRotation'], ParentType, ContextType>;
  submitKyc?: Resolver<ResolversTypes['KycSubmission'], ParentType, ContextType, RequireFields<MutationSubmitKycArgs, 'input'>>;
  updateProfile?: Resolver<ResolversTypes['Profile'], ParentType, ContextType, RequireFields<MutationUpdateProfileArgs, 'input'>>;
};

export type PreferencesResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Preferences'] = ResolversParentTypes['Preferences']> = {
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  marketingEmails?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  signalAlerts?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProfileResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Profile'] = ResolversParentTypes['Profile']> = {
  dateOfBirth?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  investmentExperience?: Resolver<Maybe<ResolversTypes['InvestmentExperience']>, ParentType, ContextType>;
  investmentHorizon?: Resolver<Maybe<ResolversTypes['InvestmentHorizon']>, ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  preferences?: Resolver<ResolversTypes['Preferences'], ParentType, ContextType>;
  riskTolerance?: Resolver<Maybe<ResolversTypes['RiskTolerance']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  kycReviewQueue?: Resolver<Array<ResolversTypes['KycSubmission']>, ParentType, ContextType, RequireFields<QueryKycReviewQueueArgs, 'first'>>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  userAnalytics?: Resolver<ResolversTypes['UserAnalytics'], ParentType, ContextType, RequireFields<QueryUserAnalyticsArgs, 'from' | 'to'>>;
};

export type RoleCountResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['RoleCount'] = ResolversParentTypes['RoleCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SecurityEventResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['SecurityEvent'] = ResolversParentTypes['SecurityEvent']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SessionResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  device?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastUsedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type SigningKeyRotationResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['SigningKeyRotation'] = ResolversParentTypes['SigningKeyRotation']> = {
  kid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  signsFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type TotpActivationResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['TotpActivation'] = ResolversParentTypes['TotpActivation']> = {
  backupCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type TotpEnrollmentResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['TotpEnrollment'] = ResolversParentTypes['TotpEnrollment']> = {
  otpauthUri?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isDemo?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kyc?: Resolver<Maybe<ResolversTypes['KycSubmission']>, ParentType, ContextType>;
  kycStatus?: Resolver<ResolversTypes['KycStatus'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  profile?: Resolver<Maybe<ResolversTypes['Profile']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  securityEvents?: Resolver<Array<ResolversTypes['SecurityEvent']>, ParentType, ContextType, RequireFields<UserSecurityEventsArgs, 'first'>>;
  sessions?: Resolver<Array<ResolversTypes['Session']>, ParentType, ContextType>;
  twoFactorEnabled?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type UserAnalyticsResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['UserAnalytics'] = ResolversParentTypes['UserAnalytics']> = {
  kycFunnel?: Resolver<Array<ResolversTypes['KycStatusCount']>, ParentType, ContextType>;
  roleMix?: Resolver<Array<ResolversTypes['RoleCount']>, ParentType, ContextType>;
  signupsByDay?: Resolver<Array<ResolversTypes['UserDailyCount']>, ParentType, ContextType>;
  totalUsers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UserDailyCountResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['UserDailyCount'] = ResolversParentTypes['UserDailyCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  day?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = IdentityContext> = {
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  KycStatusCount?: KycStatusCountResolvers<ContextType>;
  KycSubmission?: KycSubmissionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Preferences?: PreferencesResolvers<ContextType>;
  Profile?: ProfileResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RoleCount?: RoleCountResolvers<ContextType>;
  SecurityEvent?: SecurityEventResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  SigningKeyRotation?: SigningKeyRotationResolvers<ContextType>;
  TotpActivation?: TotpActivationResolvers<ContextType>;
  TotpEnrollment?: TotpEnrollmentResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserAnalytics?: UserAnalyticsResolvers<ContextType>;
  UserDailyCount?: UserDailyCountResolvers<ContextType>;
};

