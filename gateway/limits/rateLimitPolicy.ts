import { createHash } from 'node:crypto';
import {
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
} from 'graphql';
import type { ClientInfo, Tier, Viewer } from '../../platform/auth/viewer';
import { analyseOperation } from '../../platform/operationAnalysis';
import type { RateBucket } from './rateLimiter';

export interface WindowLimit {
  limit: number;
  windowMs: number;
}

export interface RateLimitPolicy {
  /** Per user, or per IP when anonymous (which gets the FREE allowance). */
  tiers: Record<Tier, number>;
  tierWindowMs: number;
  /** Per IP and per account, counted per auth mutation field (aliases cannot multiply guesses). */
  auth: WindowLimit;
  /** Per user (or IP), counted per payment mutation field. */
  payments: WindowLimit;
  /** Per user (or IP), counted per lesson heartbeat, instead of the tier allowance. */
  heartbeats: WindowLimit;
  /** Query cost per request unit: an operation is charged ceil(cost / unit), at least 1. */
  costUnit: number;
}

type Args = Record<string, unknown>;
const emailOf = (args: Args) => ['email', (args.input as { email?: unknown } | undefined)?.email] as const;

/** Login-like mutations (password and code guessing is what their limit is for) and their account. */
const AUTH_FIELDS: Record<string, (args: Args) => readonly [kind: string, account: unknown]> = {
  login: emailOf,
  register: emailOf,
  completeTwoFactorLogin: (args) => ['challenge', args.challenge],
  // refreshSession is not here: identity limits it after its reuse check (services/refreshLimit.ts).
  // Mail bombing one address and guessing reset tokens are what these limits are for.
  requestPasswordReset: (args) => ['email', args.email],
  resetPassword: (args) => ['reset', args.token],
};
const PAYMENT_FIELDS = new Set(['createOrder', 'verifyPayment', 'refundPayment']);
/**
 * Root fields a request made only of is not charged to the tier allowance, each with why:
 * - refreshSession: identity limits refreshes per token and per IP after its reuse check, so a reused
 *   (stolen) refresh token always reaches that check and revokes its family, even from a caller whose
 *   hourly allowance is spent; and a user is never locked out of a new access token by their own traffic.
 * - recordLessonHeartbeat: a player reports progress every ~10 s, 60 calls per 10-minute video, which
 *   would spend a FREE learner's 100 calls an hour on watching one lesson; heartbeats have their own
 *   allowance (RATE_LIMIT_HEARTBEATS per window) instead.
 */
const OWN_ALLOWANCE_FIELDS = new Set(['refreshSession', 'recordLessonHeartbeat']);

function argumentsOf(field: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    (field.arguments ?? []).map((argument) => [
      argument.name.value,
      valueFromASTUntyped(argument.value, variables),
    ]),
  );
}

// Emails and tokens never sit in Redis keys in clear.
const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

export function callerKey(viewer: Viewer | null, client: ClientInfo | null | undefined): string {
  return viewer ? `user:${viewer.userId}` : `ip:${client?.ip ?? 'unknown'}`;
}

/** The general allowance alone: what a request that never reached a valid operation is charged. */
export function tierBucket(
  policy: RateLimitPolicy,
  viewer: Viewer | null,
  client: ClientInfo | null | undefined,
  units = 1,
): RateBucket {
  return {
    key: `tier:${callerKey(viewer, client)}`,
    limit: policy.tiers[viewer?.tier ?? 'FREE'],
    windowMs: policy.tierWindowMs,
    cost: units,
  };
}

/** Every bucket one operation is counted against, with what it costs in each. */
export function bucketsForOperation(
  policy: RateLimitPolicy,
  input: {
    document: DocumentNode;
    operation: OperationDefinitionNode;
    variables: Record<string, unknown>;
    viewer: Viewer | null;
    client: ClientInfo | null | undefined;
    cost: number;
  },
): RateBucket[] {
  const { viewer, client } = input;
  const units = Math.max(1, Math.ceil(input.cost / policy.costUnit));
  if (input.operation.operation !== 'mutation') return [tierBucket(policy, viewer, client, units)];

  const fields = analyseOperation(input.document, input.operation).rootFields;
  const ownAllowanceOnly =
    fields.length > 0 && fields.every((field) => OWN_ALLOWANCE_FIELDS.has(field.name.value));
  const buckets = ownAllowanceOnly ? [] : [tierBucket(policy, viewer, client, units)];
  const authFields = fields.filter((field) => field.name.value in AUTH_FIELDS);
  if (authFields.length) {
    const window = { limit: policy.auth.limit, windowMs: policy.auth.windowMs };
    buckets.push({ key: `auth:ip:${client?.ip ?? 'unknown'}`, ...window, cost: authFields.length });
    const accounts = new Map<string, number>();
    for (const field of authFields) {
      const [kind, account] = AUTH_FIELDS[field.name.value]!(argumentsOf(field, input.variables));
      if (typeof account !== 'string') continue;
      const key = `${kind}:${digest(account.trim().toLowerCase())}`;
      accounts.set(key, (accounts.get(key) ?? 0) + 1);
    }
    if (viewer) accounts.set(`user:${viewer.userId}`, authFields.length);
    for (const [account, count] of accounts)
      buckets.push({ key: `auth:account:${account}`, ...window, cost: count });
  }
  const payments = fields.filter((field) => PAYMENT_FIELDS.has(field.name.value)).length;
  if (payments) {
    buckets.push({
      key: `payments:${callerKey(viewer, client)}`,
      limit: policy.payments.limit,
      windowMs: policy.payments.windowMs,
      cost: payments,
    });
  }
  const heartbeats = fields.filter((field) => field.name.value === 'recordLessonHeartbeat').length;
  if (heartbeats) {
    buckets.push({
      key: `heartbeats:${callerKey(viewer, client)}`,
      limit: policy.heartbeats.limit,
      windowMs: policy.heartbeats.windowMs,
      cost: heartbeats,
    });
  }
  return buckets;
}
