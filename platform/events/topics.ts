/** Topics and payloads other domains rely on: changing one is a breaking change for its consumers. */
export const Topics = {
  userRegistered: 'identity.user.registered',
  subscriptionChanged: 'billing.subscription.changed',
  signalPublished: 'signals.published',
} as const;

export interface UserRegisteredPayload {
  userId: string;
  email: string;
  name: string | null;
}

export interface SubscriptionChangedPayload {
  userId: string;
  subscriptionId: string;
  tier: 'FREE' | 'PREMIUM' | 'ENTERPRISE';
  status: 'ACTIVE' | 'PAST_DUE' | 'CANCELLED';
}

export interface SignalPublishedPayload {
  signalId: string;
  sequence: string;
  instrumentId: string;
  symbol: string;
  side: 'BUY' | 'SELL';
  price: string;
}

/** billing → learning (enrol on a paid course), billing → identity (tier), trading/analytics. */
export const PaymentTopics = {
  paymentCaptured: 'billing.payment.captured',
  paymentRefunded: 'billing.payment.refunded',
} as const;

export interface PaymentCapturedPayload {
  paymentId: string;
  orderId: string;
  userId: string;
  purpose: 'COURSE' | 'SUBSCRIPTION';
  courseId: string | null;
  planId: string | null;
  /** Minor units (paise) as a decimal string: amounts can exceed 2^31. */
  amountMinor: string;
  currency: string;
}

export interface PaymentRefundedPayload {
  paymentId: string;
  refundId: string;
  orderId: string;
  userId: string;
  purpose: 'COURSE' | 'SUBSCRIPTION';
  courseId: string | null;
  planId: string | null;
  amountMinor: string;
  currency: string;
  /** true when the payment is now refunded in full (access is revoked). */
  full: boolean;
}

/** signals → trading (paper fills, marking positions), gateway (live tickers). */
export const MarketTopics = {
  ticks: 'market.ticks',
} as const;

export interface MarketTickPayload {
  instrumentId: string;
  symbol: string;
  /** Decimal strings in the instrument's quote currency. */
  price: string;
  bid: string | null;
  ask: string | null;
  at: string;
}
