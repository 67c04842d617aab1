import {
  allow,
  and,
  federationRules,
  hasRole,
  isAuthenticated,
  isSelfOr,
  type SubgraphPermissions,
} from '../../platform/permissions';

/**
 * Who may ask billing for what; unlisted fields are denied. Plans are public. Orders, payments,
 * invoices and subscriptions are their owner's (or an admin's): the services answer NOT_FOUND for
 * anyone else's (platform/auth/access requireOwnedRow), in queries and __resolveReference alike. Two rules need data only
 * the service has, so they are enforced there: refunds above the configured limit need an ADMIN
 * (services/refunds) and payments above ₹50,000 need verified KYC (services/orders, the price is
 * looked up from the plan or course, not given in the arguments).
 */
const admin = hasRole('ADMIN');
// Fields of a User: UNAUTHENTICATED, then NOT_FOUND for someone else's (as the services answer).
const selfOrAdmin = and(isAuthenticated, isSelfOr('ADMIN'));

export const billingPermissions: SubgraphPermissions = {
  Query: {
    ...federationRules,
    plans: allow,
    order: isAuthenticated,
    payment: isAuthenticated,
    ledgerBalances: admin,
    complianceReviews: admin,
    reconciliationReports: admin,
    // Owner or admin: the service answers NOT_FOUND for anyone else's invoice.
    invoiceDocument: isAuthenticated,
    revenueAnalytics: admin,
  },
  Mutation: {
    grantPlan: admin,
    createOrder: isAuthenticated,
    verifyPayment: isAuthenticated,
    // Owners refund small amounts of their own payments; large refunds need an admin (service).
    refundPayment: isAuthenticated,
    cancelSubscription: isAuthenticated,
    resumeSubscription: isAuthenticated,
    pauseSubscription: isAuthenticated,
    changePlan: isAuthenticated,
    reconcilePayments: admin,
    subscribe: isAuthenticated,
    runRevenueRecognition: admin,
  },
  User: {
    id: allow,
    tier: selfOrAdmin,
    subscription: selfOrAdmin,
    invoices: selfOrAdmin,
    orders: selfOrAdmin,
  },
  Plan: allow,
  Money: allow,
  PlanSubscription: isAuthenticated,
  Order: isAuthenticated,
  Payment: isAuthenticated,
  Refund: isAuthenticated,
  Invoice: isAuthenticated,
  LedgerBalance: admin,
  ComplianceReview: admin,
  ReconciliationReport: admin,
  ReconciliationMismatch: admin,
  RevenueRecognitionRun: admin,
  SubscriptionCheckout: isAuthenticated,
  InvoiceDocument: isAuthenticated,
  RevenueAnalytics: admin,
  RevenueDay: admin,
  PlanRevenue: admin,
  TierCount: admin,
  ChurnStats: admin,
  // Course revenue: instructors and admins (services/courseRevenue).
  CourseAnalytics: hasRole('INSTRUCTOR', 'ADMIN'),
};
