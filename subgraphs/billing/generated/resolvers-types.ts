import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Plan as PlanModel, Subscription as SubscriptionModel, PaymentOrder as PaymentOrderModel, Payment as PaymentModel, Refund as RefundModel, Invoice as InvoiceModel, ComplianceReview as ComplianceReviewModel } from '../../../platform/prisma/generated/client';
import type { AccountBalance as AccountBalanceModel } from '../services/ledger';
import type { CourseRevenue as CourseRevenueModel } from '../services/courseRevenue';
import type { EntityRef as EntityRefModel } from '../../../platform/federation';
import type { BillingContext } from '../context';
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
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type ChurnStats = {
  __typename?: 'ChurnStats';
  activeAtStart: Scalars['Int']['output'];
  cancelled: Scalars['Int']['output'];
  rate: Scalars['Float']['output'];
};

export type ComplianceReview = {
  __typename?: 'ComplianceReview';
  createdAt: Scalars['DateTime']['output'];
  detail: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  payment: Payment;
  rule: Scalars['String']['output'];
  userId: Scalars['ID']['output'];
};

/** Course sales as billing sees them; learning's CourseAnalytics gains these fields through federation. */
export type CourseAnalytics = {
  __typename?: 'CourseAnalytics';
  courseId: Scalars['ID']['output'];
  /** Orders for the course with a captured payment. */
  paidOrders: Scalars['Int']['output'];
  /** Refunded so far. */
  refunds: Money;
  /** Captured payments for the course less what was refunded. */
  revenue: Money;
};

export type CreateOrderInput = {
  /** A business buyer's GSTIN (15 characters, check character verified): printed on the tax invoice (B2B). */
  buyerGstin?: InputMaybe<Scalars['String']['input']>;
  courseId?: InputMaybe<Scalars['ID']['input']>;
  /** The same key and input return the same order; the same key with other input is a CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
  /** Buyer's GST state code (two letters); defaults to the buyer's GSTIN's state, else ours. */
  placeOfSupply?: InputMaybe<Scalars['String']['input']>;
  /** Exactly one of planId and courseId. */
  planId?: InputMaybe<Scalars['ID']['input']>;
};

/** A GST tax invoice; numbers run sequentially per financial year (April to March). */
export type Invoice = {
  __typename?: 'Invoice';
  /** The buyer's GSTIN on a B2B invoice; null for consumers. */
  buyerGstin: Maybe<Scalars['String']['output']>;
  cgst: Money;
  description: Scalars['String']['output'];
  financialYear: Scalars['String']['output'];
  /** The invoice as a self-contained HTML document (print it to PDF). */
  html: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  igst: Money;
  issuedAt: Scalars['DateTime']['output'];
  /** TS/2026-27/000001 */
  number: Scalars['String']['output'];
  /** State code of the buyer: the same state as ours means CGST + SGST, another IGST. */
  placeOfSupply: Scalars['String']['output'];
  sellerAddress: Maybe<Scalars['String']['output']>;
  sellerGstin: Scalars['String']['output'];
  /** The seller as it was when the invoice was issued. */
  sellerName: Scalars['String']['output'];
  sgst: Money;
  taxable: Money;
  total: Money;
};

/** A downloadable invoice: save `contentBase64` decoded as `filename`. */
export type InvoiceDocument = {
  __typename?: 'InvoiceDocument';
  contentBase64: Scalars['String']['output'];
  contentType: Scalars['String']['output'];
  filename: Scalars['String']['output'];
};

export type InvoiceFormat =
  | 'HTML'
  | 'PDF';

export type LedgerBalance = {
  __typename?: 'LedgerBalance';
  account: Scalars['String']['output'];
  /** In the account's normal direction (credits for revenue and liabilities). */
  balance: Money;
};

export type Money = {
  __typename?: 'Money';
  amount: Scalars['String']['output'];
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** The plan runs to the period end, then the user falls back to FREE. */
  cancelSubscription: PlanSubscription;
  /** A cheaper plan from the next period (upgrades are bought with createOrder, prorated). */
  changePlan: PlanSubscription;
  createOrder: Order;
  /**
   * Admins grant a plan without payment (comp accounts, support); paid upgrades go through Razorpay.
   * CONFLICT while the user has a renewing Razorpay subscription (it would keep charging): cancel it first.
   */
  grantPlan: PlanSubscription;
  /** Pauses a renewing subscription at Razorpay: no charges until resumed; the tier holds to the period end. */
  pauseSubscription: PlanSubscription;
  /** ADMIN: compares our payments with Razorpay's records (stored; see reconciliationReports). */
  reconcilePayments: ReconciliationReport;
  /** The payer below the self-service limit, an ADMIN above it. */
  refundPayment: Refund;
  /**
   * Undoes cancelSubscription before the period ends (a renewing plan continues through a new Razorpay
   * subscription from the period end: authorise renewalCheckout), or resumes a paused subscription.
   */
  resumeSubscription: PlanSubscription;
  /** ADMIN: runs revenue recognition up to asOf (default now); the job runs daily by itself too. */
  runRevenueRecognition: RevenueRecognitionRun;
  /** A plan Razorpay renews every period: authorise it in Checkout; the tier follows the first charge. */
  subscribe: SubscriptionCheckout;
  /** Checks Checkout's signature over order_id|payment_id, then captures the payment. */
  verifyPayment: Payment;
};


export type MutationChangePlanArgs = {
  planId: Scalars['ID']['input'];
};


export type MutationCreateOrderArgs = {
  input: CreateOrderInput;
};


export type MutationGrantPlanArgs = {
  tier: Tier;
  userId: Scalars['ID']['input'];
};


export type MutationReconcilePaymentsArgs = {
  since: Scalars['DateTime']['input'];
};


export type MutationRefundPaymentArgs = {
  input: RefundPaymentInput;
};


export type MutationRunRevenueRecognitionArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationSubscribeArgs = {
  input: SubscribeInput;
};


export type MutationVerifyPaymentArgs = {
  input: VerifyPaymentInput;
};

/** A checkout: pay it with Razorpay Checkout (key, razorpayOrderId, amount), then call verifyPayment. */
export type Order = {
  __typename?: 'Order';
  amount: Money;
  /** The business buyer's GSTIN, when given (B2B). */
  buyerGstin: Maybe<Scalars['String']['output']>;
  courseId: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** What an upgrade was credited for the unused part of the plan it replaces. */
  credit: Money;
  id: Scalars['ID']['output'];
  payments: Array<Payment>;
  plan: Maybe<Plan>;
  purpose: PaymentPurpose;
  /** The Razorpay key id Checkout needs. */
  razorpayKeyId: Scalars['String']['output'];
  razorpayOrderId: Scalars['String']['output'];
  status: OrderStatus;
};

export type OrderStatus =
  | 'CREATED'
  | 'FAILED'
  | 'PAID';

export type Payment = {
  __typename?: 'Payment';
  amount: Money;
  capturedAt: Maybe<Scalars['DateTime']['output']>;
  /** Razorpay's fee including its GST; zero until captured. */
  fee: Money;
  id: Scalars['ID']['output'];
  invoice: Maybe<Invoice>;
  order: Order;
  razorpayPaymentId: Scalars['String']['output'];
  refunded: Money;
  refunds: Array<Refund>;
  status: PaymentStatus;
};

export type PaymentPurpose =
  | 'COURSE'
  | 'SUBSCRIPTION';

export type PaymentStatus =
  | 'AUTHORIZED'
  | 'CAPTURED'
  | 'CREATED'
  | 'FAILED'
  | 'PARTIALLY_REFUNDED'
  | 'REFUNDED';

export type Plan = {
  __typename?: 'Plan';
  apiCallsPerHour: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** MONTH, QUARTER or YEAR. */
  interval: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Per interval, GST included. */
  price: Money;
  prioritySupport: Scalars['Boolean']['output'];
  realtimeSignals: Scalars['Boolean']['output'];
  signalHistory: Scalars['Boolean']['output'];
  /** null: unlimited. */
  signalsPerDay: Maybe<Scalars['Int']['output']>;
  tier: Tier;
};

export type PlanRevenue = {
  __typename?: 'PlanRevenue';
  payments: Scalars['Int']['output'];
  planId: Scalars['ID']['output'];
  planName: Scalars['String']['output'];
  revenue: Money;
  tier: Tier;
};

/** A user's subscription to a plan (named so it does not clash with GraphQL's Subscription root). */
export type PlanSubscription = {
  __typename?: 'PlanSubscription';
  /** Razorpay charges it every period (subscribe); false for a plan bought once with createOrder. */
  autoRenews: Scalars['Boolean']['output'];
  /** The plan ends at currentPeriodEnd and the user falls back to FREE. */
  cancelAtPeriodEnd: Scalars['Boolean']['output'];
  currentPeriodEnd: Maybe<Scalars['DateTime']['output']>;
  currentPeriodStart: Scalars['DateTime']['output'];
  /** Failed charges of the current cycle while PAST_DUE (Razorpay retries; HALTED after the last). */
  failedCharges: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** A downgrade waiting for the period end. */
  pendingPlan: Maybe<Plan>;
  plan: Plan;
  /**
   * After resumeSubscription on a renewing plan cancelled at its period end: the new Razorpay subscription
   * (starting at currentPeriodEnd) to authorise in Checkout; renewal continues once it is authorised.
   */
  renewalCheckout: Maybe<SubscriptionCheckout>;
  status: SubscriptionStatus;
};

export type Query = {
  __typename?: 'Query';
  /** ADMIN: payments the compliance rules flagged. */
  complianceReviews: Array<ComplianceReview>;
  /** The invoice as a file (owner or admin); PDF is a plain single-page rendering. */
  invoiceDocument: Maybe<InvoiceDocument>;
  /** ADMIN: balances derived from the ledger's postings. */
  ledgerBalances: Array<LedgerBalance>;
  order: Maybe<Order>;
  payment: Maybe<Payment>;
  /** Plans of one billing interval (MONTH by default); FREE is listed with the monthly plans. */
  plans: Array<Plan>;
  /** ADMIN: reconciliation runs, newest first, with the mismatches each found. */
  reconciliationReports: Array<ReconciliationReport>;
  /** ADMIN: revenue in [from, to) by UTC day and plan, current MRR and tier mix, churn over the range. */
  revenueAnalytics: RevenueAnalytics;
};


export type QueryInvoiceDocumentArgs = {
  format?: InputMaybe<InvoiceFormat>;
  id: Scalars['ID']['input'];
};


export type QueryLedgerBalancesArgs = {
  currency?: InputMaybe<Scalars['String']['input']>;
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPlansArgs = {
  interval?: InputMaybe<Scalars['String']['input']>;
};


export type QueryReconciliationReportsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRevenueAnalyticsArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

export type ReconciliationMismatch = {
  __typename?: 'ReconciliationMismatch';
  problem: Scalars['String']['output'];
  razorpayPaymentId: Scalars['String']['output'];
};

export type ReconciliationReport = {
  __typename?: 'ReconciliationReport';
  checkedPayments: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  mismatches: Array<ReconciliationMismatch>;
  since: Scalars['DateTime']['output'];
  startedAt: Scalars['DateTime']['output'];
  /** SCHEDULED (the job, every RECONCILIATION_INTERVAL_MS) or MANUAL (reconcilePayments). */
  trigger: Scalars['String']['output'];
};

export type Refund = {
  __typename?: 'Refund';
  amount: Money;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  razorpayRefundId: Scalars['String']['output'];
  reason: Maybe<Scalars['String']['output']>;
};

export type RefundPaymentInput = {
  /** Decimal amount, e.g. "1500.00"; omitted: everything not yet refunded. */
  amount?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey: Scalars['String']['input'];
  paymentId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type RevenueAnalytics = {
  __typename?: 'RevenueAnalytics';
  byDay: Array<RevenueDay>;
  byPlan: Array<PlanRevenue>;
  churn: ChurnStats;
  /** Monthly recurring revenue of the paid subscriptions active now (GST included). */
  mrr: Money;
  refunds: Money;
  tierMix: Array<TierCount>;
};

export type RevenueDay = {
  __typename?: 'RevenueDay';
  day: Scalars['String']['output'];
  gross: Money;
  net: Money;
  payments: Scalars['Int']['output'];
  refunds: Money;
};

export type RevenueRecognitionRun = {
  __typename?: 'RevenueRecognitionRun';
  recognized: Money;
  /** Schedules that earned something on this run. */
  schedules: Scalars['Int']['output'];
};

export type SubscribeInput = {
  /** The same key and input return the same subscription; the same key with other input is a CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
  /** Buyer's GST state code (two letters); defaults to ours. */
  placeOfSupply?: InputMaybe<Scalars['String']['input']>;
  /** A paid plan. */
  planId: Scalars['ID']['input'];
};

/** A subscription at Razorpay waiting for the customer's authorisation in Checkout (subscription_id). */
export type SubscriptionCheckout = {
  __typename?: 'SubscriptionCheckout';
  id: Scalars['ID']['output'];
  plan: Plan;
  /** The Razorpay key id Checkout needs. */
  razorpayKeyId: Scalars['String']['output'];
  razorpaySubscriptionId: Scalars['String']['output'];
  /** Razorpay's hosted authorisation page. */
  shortUrl: Scalars['String']['output'];
  /** Razorpay's status as last seen: created, authenticated, active, pending, halted, cancelled... */
  status: Scalars['String']['output'];
};

export type SubscriptionStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  /** Every retry failed: the tier fell back to FREE. */
  | 'HALTED'
  /** A renewal charge failed; the tier holds while Razorpay retries. */
  | 'PAST_DUE'
  /** Paused (pauseSubscription): nothing is charged; the tier holds to currentPeriodEnd, then FREE until resumed. */
  | 'PAUSED';

export type Tier =
  | 'ENTERPRISE'
  | 'FREE'
  | 'PREMIUM';

export type TierCount = {
  __typename?: 'TierCount';
  count: Scalars['Int']['output'];
  tier: Tier;
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** Newest first. */
  invoices: Array<Invoice>;
  /** Newest first. */
  orders: Array<Order>;
  /** The user's own subscription (admins see anyone's). */
  subscription: Maybe<PlanSubscription>;
  /** The tier billing grants; FREE without an active subscription. */
  tier: Tier;
};

export type VerifyPaymentInput = {
  razorpayOrderId: Scalars['String']['input'];
  razorpayPaymentId: Scalars['String']['input'];
  razorpaySignature: Scalars['String']['input'];
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
  CourseAnalytics: CourseAnalytics;
  Invoice: Invoice;
  Order: Order;
  Payment: Payment;
  Plan: Plan;
  PlanSubscription: PlanSubscription;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  CourseAnalytics:
    ( { __typename: 'CourseAnalytics' }
    & GraphQLRecursivePick<FederationTypes['CourseAnalytics'], {"courseId":true}> );
  Invoice:
    ( { __typename: 'Invoice' }
    & GraphQLRecursivePick<FederationTypes['Invoice'], {"id":true}> );
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
  Payment:
    ( { __typename: 'Payment' }
    & GraphQLRecursivePick<FederationTypes['Payment'], {"id":true}> );
  Plan:
    ( { __typename: 'Plan' }
    & GraphQLRecursivePick<FederationTypes['Plan'], {"id":true}> );
  PlanSubscription:
    ( { __typename: 'PlanSubscription' }
    & GraphQLRecursivePick<FederationTypes['PlanSubscription'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ChurnStats: ResolverTypeWrapper<ChurnStats>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ComplianceReview: ResolverTypeWrapper<ComplianceReviewModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CourseAnalytics: ResolverTypeWrapper<CourseRevenueModel>;
  CreateOrderInput: CreateOrderInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Invoice: ResolverTypeWrapper<InvoiceModel>;
  InvoiceDocument: ResolverTypeWrapper<InvoiceDocument>;
  InvoiceFormat: InvoiceFormat;
  LedgerBalance: ResolverTypeWrapper<AccountBalanceModel>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<PaymentOrderModel>;
  OrderStatus: OrderStatus;
  Payment: ResolverTypeWrapper<PaymentModel>;
  PaymentPurpose: PaymentPurpose;
  PaymentStatus: PaymentStatus;
  Plan: ResolverTypeWrapper<PlanModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PlanRevenue: ResolverTypeWrapper<PlanRevenue>;
  PlanSubscription: ResolverTypeWrapper<SubscriptionModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReconciliationMismatch: ResolverTypeWrapper<ReconciliationMismatch>;
  ReconciliationReport: ResolverTypeWrapper<ReconciliationReport>;
  Refund: ResolverTypeWrapper<RefundModel>;
  RefundPaymentInput: RefundPaymentInput;
  RevenueAnalytics: ResolverTypeWrapper<RevenueAnalytics>;
  RevenueDay: ResolverTypeWrapper<RevenueDay>;
  RevenueRecognitionRun: ResolverTypeWrapper<RevenueRecognitionRun>;
  SubscribeInput: SubscribeInput;
  SubscriptionCheckout: ResolverTypeWrapper<Omit<SubscriptionCheckout, 'plan'> & { plan: ResolversTypes['Plan'] }>;
  SubscriptionStatus: SubscriptionStatus;
  Tier: Tier;
  TierCount: ResolverTypeWrapper<TierCount>;
  User: ResolverTypeWrapper<EntityRefModel>;
  VerifyPaymentInput: VerifyPaymentInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ChurnStats: ChurnStats;
  Int: Scalars['Int']['output'];
  Float: Scalars['Float']['output'];
  ComplianceReview: ComplianceReviewModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  CourseAnalytics: CourseRevenueModel;
  CreateOrderInput: CreateOrderInput;
  DateTime: Scalars['DateTime']['output'];
  Invoice: InvoiceModel;
  InvoiceDocument: InvoiceDocument;
  LedgerBalance: AccountBalanceModel;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Order: PaymentOrderModel;
  Payment: PaymentModel;
  Plan: PlanModel;
  Boolean: Scalars['Boolean']['output'];
  PlanRevenue: PlanRevenue;
  PlanSubscription: SubscriptionModel;
  Query: Record<PropertyKey, never>;
  ReconciliationMismatch: ReconciliationMismatch;
  ReconciliationReport: ReconciliationReport;
  Refund: RefundModel;
  RefundPaymentInput: RefundPaymentInput;
  RevenueAnalytics: RevenueAnalytics;
  RevenueDay: RevenueDay;
  RevenueRecognitionRun: RevenueRecognitionRun;
  SubscribeInput: SubscribeInput;
  SubscriptionCheckout: Omit<SubscriptionCheckout, 'plan'> & { plan: ResolversParentTypes['Plan'] };
  TierCount: TierCount;
  User: EntityRefModel;
  VerifyPaymentInput: VerifyPaymentInput;
};

export type ChurnStatsResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['ChurnStats'] = ResolversParentTypes['ChurnStats']> = {
  activeAtStart?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cancelled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ComplianceReviewResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['ComplianceReview'] = ResolversParentTypes['ComplianceReview']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  payment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type CourseAnalyticsResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['CourseAnalytics'] = ResolversParentTypes['CourseAnalytics'], FederationReferenceType extends FederationReferenceTypes['CourseAnalytics'] = FederationReferenceTypes['CourseAnalytics']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CourseAnalytics']> | FederationReferenceType, FederationReferenceType, ContextType>;
  courseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  paidOrders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refunds?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  revenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type InvoiceResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice'], FederationReferenceType extends FederationReferenceTypes['Invoice'] = FederationReferenceTypes['Invoice']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Invoice']> | FederationReferenceType, FederationReferenceType, ContextType>;
  buyerGstin?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cgst?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  financialYear?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  html?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  igst?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  placeOfSupply?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sellerAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sellerGstin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sellerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sgst?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxable?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type InvoiceDocumentResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['InvoiceDocument'] = ResolversParentTypes['InvoiceDocument']> = {
  contentBase64?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  filename?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LedgerBalanceResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['LedgerBalance'] = ResolversParentTypes['LedgerBalance']> = {
  account?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  balance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cancelSubscription?: Resolver<ResolversTypes['PlanSubscription'], ParentType, ContextType>;
  changePlan?: Resolver<ResolversTypes['PlanSubscription'], ParentType, ContextType, RequireFields<MutationChangePlanArgs, 'planId'>>;
  createOrder?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<MutationCreateOrderArgs, 'input'>>;
  grantPlan?: Resolver<ResolversTypes['PlanSubscription'], ParentType, ContextType, RequireFields<MutationGrantPlanArgs, 'tier' | 'userId'>>;
  pauseSubscription?: Resolver<ResolversTypes['PlanSubscription'], ParentType, ContextType>;
  reconcilePayments?: Resolver<ResolversTypes['ReconciliationReport'], ParentType, ContextType, RequireFields<MutationReconcilePaymentsArgs, 'since'>>;
  refundPayment?: Resolver<ResolversTypes['Refund'], ParentType, ContextType, RequireFields<MutationRefundPaymentArgs, 'input'>>;
  resumeSubscription?: Resolver<ResolversTypes['PlanSubscription'], ParentType, ContextType>;
  runRevenueRecognition?: Resolver<ResolversTypes['RevenueRecognitionRun'], ParentType, ContextType, Partial<MutationRunRevenueRecognitionArgs>>;
  subscribe?: Resolver<ResolversTypes['SubscriptionCheckout'], ParentType, ContextType, RequireFields<MutationSubscribeArgs, 'input'>>;
  verifyPayment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType, RequireFields<MutationVerifyPaymentArgs, 'input'>>;
};

export type OrderResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  buyerGstin?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  courseId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  credit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  payments?: Resolver<Array<ResolversTypes['Payment']>, ParentType, ContextType>;
  plan?: Resolver<Maybe<ResolversTypes['Plan']>, ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['PaymentPurpose'], ParentType, ContextType>;
  razorpayKeyId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  razorpayOrderId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
};

export type PaymentResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment'], FederationReferenceType extends FederationReferenceTypes['Payment'] = FederationReferenceTypes['Payment']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Payment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  capturedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  fee?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  razorpayPaymentId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  refunds?: Resolver<Array<ResolversTypes['Refund']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
};

export type PlanResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Plan'] = ResolversParentTypes['Plan'], FederationReferenceType extends FederationReferenceTypes['Plan'] = FederationReferenceTypes['Plan']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Plan']> | FederationReferenceType, FederationReferenceType, ContextType>;
  apiCallsPerHour?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  prioritySupport?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  realtimeSignals?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  signalHistory?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  signalsPerDay?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['Tier'], ParentType, ContextType>;
};

export type PlanRevenueResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['PlanRevenue'] = ResolversParentTypes['PlanRevenue']> = {
  payments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  planId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  planName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['Tier'], ParentType, ContextType>;
};

export type PlanSubscriptionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['PlanSubscription'] = ResolversParentTypes['PlanSubscription'], FederationReferenceType extends FederationReferenceTypes['PlanSubscription'] = FederationReferenceTypes['PlanSubscription']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PlanSubscription']> | FederationReferenceType, FederationReferenceType, ContextType>;
  autoRenews?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  cancelAtPeriodEnd?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  currentPeriodEnd?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  currentPeriodStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  failedCharges?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  pendingPlan?: Resolver<Maybe<ResolversTypes['Plan']>, ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  renewalCheckout?: Resolver<Maybe<ResolversTypes['SubscriptionCheckout']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SubscriptionStatus'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  complianceReviews?: Resolver<Array<ResolversTypes['ComplianceReview']>, ParentType, ContextType>;
  invoiceDocument?: Resolver<Maybe<ResolversTypes['InvoiceDocument']>, ParentType, ContextType, RequireFields<QueryInvoiceDocumentArgs, 'format' | 'id'>>;
  ledgerBalances?: Resolver<Array<ResolversTypes['LedgerBalance']>, ParentType, ContextType, RequireFields<QueryLedgerBalancesArgs, 'currency'>>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<QueryPaymentArgs, 'id'>>;
  plans?: Resolver<Array<ResolversTypes['Plan']>, ParentType, ContextType, RequireFields<QueryPlansArgs, 'interval'>>;
  reconciliationReports?: Resolver<Array<ResolversTypes['ReconciliationReport']>, ParentType, ContextType, RequireFields<QueryReconciliationReportsArgs, 'first'>>;
  revenueAnalytics?: Resolver<ResolversTypes['RevenueAnalytics'], ParentType, ContextType, RequireFields<QueryRevenueAnalyticsArgs, 'from' | 'to'>>;
};

export type ReconciliationMismatchResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['ReconciliationMismatch'] = ResolversParentTypes['ReconciliationMismatch']> = {
  problem?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  razorpayPaymentId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReconciliationReportResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['ReconciliationReport'] = ResolversParentTypes['ReconciliationReport']> = {
  checkedPayments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mismatches?: Resolver<Array<ResolversTypes['ReconciliationMismatch']>, ParentType, ContextType>;
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  trigger?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RefundResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Refund'] = ResolversParentTypes['Refund']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  razorpayRefundId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RevenueAnalyticsResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['RevenueAnalytics'] = ResolversParentTypes['RevenueAnalytics']> = {
  byDay?: Resolver<Array<ResolversTypes['RevenueDay']>, ParentType, ContextType>;
  byPlan?: Resolver<Array<ResolversTypes['PlanRevenue']>, ParentType, ContextType>;
  churn?: Resolver<ResolversTypes['ChurnStats'], ParentType, ContextType>;
  mrr?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  refunds?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tierMix?: Resolver<Array<ResolversTypes['TierCount']>, ParentType, ContextType>;
};

export type RevenueDayResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['RevenueDay'] = ResolversParentTypes['RevenueDay']> = {
  day?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  gross?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  net?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  payments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refunds?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type RevenueRecognitionRunResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['RevenueRecognitionRun'] = ResolversParentTypes['RevenueRecognitionRun']> = {
  recognized?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  schedules?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SubscriptionCheckoutResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['SubscriptionCheckout'] = ResolversParentTypes['SubscriptionCheckout']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  razorpayKeyId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  razorpaySubscriptionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shortUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TierCountResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['TierCount'] = ResolversParentTypes['TierCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['Tier'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoices?: Resolver<Array<ResolversTypes['Invoice']>, ParentType, ContextType>;
  orders?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType>;
  subscription?: Resolver<Maybe<ResolversTypes['PlanSubscription']>, ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['Tier'], ParentType, ContextType>;
};

export type Resolvers<ContextType = BillingContext> = {
  ChurnStats?: ChurnStatsResolvers<ContextType>;
  ComplianceReview?: ComplianceReviewResolvers<ContextType>;
  CourseAnalytics?: CourseAnalyticsResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Invoice?: InvoiceResolvers<ContextType>;
  InvoiceDocument?: InvoiceDocumentResolvers<ContextType>;
  LedgerBalance?: LedgerBalanceResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  Plan?: PlanResolvers<ContextType>;
  PlanRevenue?: PlanRevenueResolvers<ContextType>;
  PlanSubscription?: PlanSubscriptionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReconciliationMismatch?: ReconciliationMismatchResolvers<ContextType>;
  ReconciliationReport?: ReconciliationReportResolvers<ContextType>;
  Refund?: RefundResolvers<ContextType>;
  RevenueAnalytics?: RevenueAnalyticsResolvers<ContextType>;
  RevenueDay?: RevenueDayResolvers<ContextType>;
  RevenueRecognitionRun?: RevenueRecognitionRunResolvers<ContextType>;
  SubscriptionCheckout?: SubscriptionCheckoutResolvers<ContextType>;
  TierCount?: TierCountResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

