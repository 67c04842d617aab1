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
  /**
   * HALTED (every renewal retry failed) comes with tier FREE: consumers may rely on `tier` alone.
   * PAUSED carries the plan's tier while the paid period runs, FREE after it.
   */
  status: 'ACTIVE' | 'PAST_DUE' | 'CANCELLED' | 'HALTED' | 'PAUSED';
}

export interface SignalPublishedPayload {
  signalId: string;
  sequence: string;
  instrumentId: string;
  symbol: string;
  /** HOLD and EXIT are advice without an entry: copy trading skips them. */
  side: 'BUY' | 'SELL' | 'HOLD' | 'EXIT';
  price: string;
  /**
   * The source, for "follow a signal source": the strategy always, the analyst for analyst signals.
   * Optional for consumers only: events published before these fields existed lack them.
   */
  strategy?: string;
  authorId?: string | null;
  /** The signals source row (what `signalSources` lists and `followSignalSource` takes); absent on older events. */
  source?: SignalSourceRef;
}

export interface SignalSourceRef {
  id: string;
  kind: 'STRATEGY' | 'ANALYST';
  /** The strategy name or the analyst's user id. */
  key: string;
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
  /** The quote's own time (the exchange's trade time), so a consumer can tell an old quote. */
  at: string;
  /** Where the price came from; absent on ticks from before sources were recorded. */
  source?: 'BINANCE' | 'KITE' | 'SIMULATED';
  /** The producer's staleness rule: a quote older than this is not acted on (default 60). */
  staleAfterSeconds?: number;
}

/**
 * signals fan-out → every gateway node, over Redis pub/sub (at-most-once: clients fill gaps with
 * `signals(afterSequence:)`). Small on purpose: the gateway resolves the fields each subscriber asked for.
 */
export const LiveChannels = {
  signals: 'live.signals',
  /** Per-user live events (orders, positions, price alerts): delivered only to that user's sockets. */
  user: 'live.user',
  /** Market ticks for `marketTicks(instruments)` subscribers (tier-gated at the gateway). */
  ticks: 'live.ticks',
} as const;

/** A market tick for `marketTicks(instruments)` subscribers, republished from Kafka `market.ticks`. */
export interface LiveTickEvent extends MarketTickPayload {
  /** Decimal string, increasing per instrument: lets a client drop stale ticks. */
  sequence?: string;
}

/**
 * A per-user live event. The gateway delivers it only to sockets of `userId` subscribed to `field`, and
 * resolves the subscriber's selection by the root query field registered for `field` (for example
 * `orderUpdated` -> `order(id:)`), executed as that user through the supergraph.
 */
export interface LiveUserEvent {
  field: 'orderUpdated' | 'positionUpdated' | 'priceAlertTriggered';
  userId: string;
  /** Argument `id` of the root query field that resolves this event's entity. */
  id: string;
  /** ISO time of the change. */
  at: string;
}

export interface LiveSignalEvent {
  /** PUBLISHED (absent on older events) reaches `signalPublished`, UPDATED (status change) `signalUpdated`. */
  kind?: 'PUBLISHED' | 'UPDATED';
  signalId: string;
  /** Decimal string of the signal's sequence. */
  sequence: string;
  instrumentId: string;
  symbol: string;
  /** ISO time the signal was committed: the FREE delay counts from here. */
  publishedAt: string;
  /** Rank among the signals of its UTC day (FREE sees only the first few). */
  dayIndex: number;
  /**
   * When each tier may see this event (ISO time); null: never (past the tier's daily cap). Stamped by
   * the signals fan-out, which owns the tier rules (its FREE_SIGNAL_DELAY_MS), so gateways need no
   * setting that must match it. Absent on events of older fan-outs: gateways then apply the defaults.
   */
  releaseAt?: Record<'FREE' | 'PREMIUM' | 'ENTERPRISE', string | null>;
}

/** learning → analytics, notifications, CRM. Keys are the course id, so one course's events stay in order. */
export const LearningTopics = {
  enrollmentCreated: 'learning.enrollment.created',
  enrollmentCancelled: 'learning.enrollment.cancelled',
  lessonCompleted: 'learning.lesson.completed',
  courseCompleted: 'learning.course.completed',
  certificateIssued: 'learning.certificate.issued',
  certificateRevoked: 'learning.certificate.revoked',
  /** A course, its modules or lessons changed (created, edited, published, archived): caches invalidate. */
  courseChanged: 'learning.course.changed',
} as const;

/** Event `type` of each learning topic (one type per topic). */
export const LearningEventTypes = {
  enrollmentCreated: 'EnrollmentCreated',
  enrollmentCancelled: 'EnrollmentCancelled',
  lessonCompleted: 'LessonCompleted',
  courseCompleted: 'CourseCompleted',
  certificateIssued: 'CertificateIssued',
  certificateRevoked: 'CertificateRevoked',
  courseChanged: 'CourseChanged',
} as const;

export interface CourseChangedPayload {
  courseId: string;
  slug: string;
  /** What happened; consumers that cache public catalog data drop everything of this course. */
  change: 'CREATED' | 'UPDATED' | 'PUBLISHED' | 'ARCHIVED' | 'CONTENT_CHANGED';
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
}

export interface EnrollmentCreatedPayload {
  enrollmentId: string;
  userId: string;
  courseId: string;
  /** Added with paid enrolment; absent on events from before it (treat as FREE). */
  source?: 'FREE' | 'PURCHASE' | 'GRANT';
  /** The billing payment that bought it, for PURCHASE. */
  paymentId?: string | null;
}

export interface EnrollmentCancelledPayload {
  enrollmentId: string;
  userId: string;
  courseId: string;
  reason: 'REFUNDED';
  paymentId: string | null;
}

export interface LessonCompletedPayload {
  enrollmentId: string;
  userId: string;
  courseId: string;
  lessonId: string;
  completedAt: string;
}

export interface CourseCompletedPayload {
  enrollmentId: string;
  userId: string;
  courseId: string;
  completedAt: string;
}

export interface CertificateIssuedPayload {
  certificateId: string;
  code: string;
  enrollmentId: string;
  userId: string;
  courseId: string;
  issuedAt: string;
}

export interface CertificateRevokedPayload {
  certificateId: string;
  code: string;
  userId: string;
  courseId: string;
  reason: 'REFUNDED';
}

/** identity → audit/SIEM consumers, alerting: every security event of the identity domain. */
export const IdentityTopics = {
  security: 'identity.security',
} as const;

export type SecurityEventType =
  | 'PASSWORD_RESET_REQUESTED'
  | 'PASSWORD_RESET'
  | 'LOGIN_SUCCEEDED'
  | 'LOGIN_FAILED'
  | 'ACCOUNT_LOCKED'
  | 'IP_LOCKED'
  | 'TWO_FACTOR_FAILED'
  | 'TWO_FACTOR_ENABLED'
  | 'TWO_FACTOR_DISABLED'
  | 'BACKUP_CODE_USED'
  | 'REFRESH_TOKEN_REUSED'
  | 'SESSION_REVOKED'
  | 'LOGOUT'
  | 'ROLE_GRANTED'
  | 'ROLE_REVOKED'
  | 'KYC_SUBMITTED'
  | 'KYC_VERIFIED'
  | 'KYC_REJECTED'
  | 'KYC_EXPIRED'
  | 'PAN_REVEALED'
  | 'SIGNING_KEY_ROTATED'
  | 'PASSWORD_CHANGED';

/** Key: the user id ('anonymous' when no account matched), so one user's events stay in order. */
export interface SecurityEventPayload {
  securityEventId: string;
  type: SecurityEventType;
  userId: string | null;
  actorId: string | null;
  ip: string | null;
  details: Record<string, string | number | boolean | null>;
  occurredAt: string;
}

/** billing → operations/analytics: a captured payment tripped a compliance rule and awaits review. */
export const ComplianceTopics = {
  complianceFlagged: 'billing.compliance.flagged',
} as const;

export interface ComplianceFlaggedPayload {
  reviewId: string;
  userId: string;
  paymentId: string;
  /** SINGLE_PAYMENT_ABOVE_LIMIT, DAILY_TOTAL_ABOVE_LIMIT or PAYMENTS_PER_HOUR_ABOVE_LIMIT. */
  rule: string;
  detail: string;
}

/** signals → fan-out (live `signalUpdated`, `priceAlertTriggered`), analytics. Keyed by instrument id. */
export const SignalLifecycleTopics = {
  /** A signal left ACTIVE: target hit, stopped out, expired or cancelled. */
  signalUpdated: 'signals.updated',
  priceAlertTriggered: 'signals.price-alert.triggered',
} as const;

export interface SignalUpdatedPayload {
  signalId: string;
  sequence: string;
  instrumentId: string;
  symbol: string;
  status: 'TARGET_HIT' | 'STOPPED_OUT' | 'EXPIRED' | 'CANCELLED';
  /** Decimal string; null when no price was known (expiry before any tick or candle). */
  closePrice: string | null;
  /** Fraction signed by side; null when cancelled or not priced. */
  realizedReturn: number | null;
  closedAt: string;
}

export interface PriceAlertTriggeredPayload {
  alertId: string;
  userId: string;
  instrumentId: string;
  symbol: string;
  direction: 'ABOVE' | 'BELOW';
  /** Decimal strings: the alert's level and the tick that crossed it. */
  price: string;
  triggeredPrice: string;
  triggeredAt: string;
}

/** Who produced a signal (kept as a name for trading's consumers). */
export type SignalSourceFields = Pick<SignalPublishedPayload, 'strategy' | 'authorId'>;

/**
 * trading → its live fan-out (→ LiveChannels.user as LiveUserEvent), analytics. One topic keyed by the
 * user id, so one user's order and position changes stay in commit order; event types OrderUpdated and
 * PositionUpdated.
 */
export const TradingLiveTopics = {
  entityUpdated: 'trading.entity.updated',
} as const;

/** A committed change of one order or position; consumers read the current state by id. */
export interface TradingEntityUpdatedPayload {
  userId: string;
  /** The order's or the position's id. */
  id: string;
  /** The order's status after the change (orders only). */
  status?: string;
  at: string;
}
