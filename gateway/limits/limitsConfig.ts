import { z } from 'zod';
import type { OperationBudgetOptions } from './operationBudget';
import type { QueryProtectionSettings } from './queryProtection';
import type { RateLimitPolicy } from './rateLimitPolicy';

const count = (fallback: number, description: string) =>
  z.coerce.number().int().min(1).default(fallback).describe(description);
const HOUR_MS = 3_600_000;

/** The gateway's protection settings: the numbers by default, small ones in tests. */
export const gatewayLimitVariables = {
  MAX_QUERY_DEPTH: count(8, 'Deepest selection nesting an operation may have.'),
  MAX_QUERY_ALIASES: count(30, 'Aliases per operation.'),
  MAX_QUERY_DIRECTIVES: count(50, 'Directives per operation.'),
  MAX_QUERY_TOKENS: count(1_000, 'Lexical tokens per operation.'),
  MAX_QUERY_COST: count(
    50_000,
    'Estimated cost per operation (objects returned, lists multiplied by their size).',
  ),
  DEFAULT_LIST_SIZE: count(10, 'Size assumed for a list no first/last/limit argument bounds.'),
  MAX_BODY_BYTES: count(1_000_000, 'Largest request body.'),
  REQUEST_TIMEOUT_MS: count(30_000, 'Receiving a request, and each subgraph call of its plan (ms).'),
  RATE_LIMITS: z.enum(['on', 'off']).default('on').describe('Per-tier rate limits (Redis sliding windows).'),
  RATE_LIMIT_FREE: count(100, 'Requests per window for FREE.'),
  RATE_LIMIT_PREMIUM: count(1_000, 'Requests per window for PREMIUM.'),
  RATE_LIMIT_ENTERPRISE: count(10_000, 'Requests per window for ENTERPRISE.'),
  RATE_LIMIT_WINDOW_MS: count(HOUR_MS, 'Window of the tier limits (ms).'),
  RATE_LIMIT_AUTH: count(
    10,
    'Auth mutations (login, register, refresh...) per IP and per account in the auth window.',
  ),
  RATE_LIMIT_AUTH_WINDOW_MS: count(5 * 60_000, 'Window of the auth limit (ms).'),
  RATE_LIMIT_PAYMENTS: count(50, 'Payment mutations per user per payments window.'),
  RATE_LIMIT_PAYMENTS_WINDOW_MS: count(HOUR_MS, 'Window of the payments limit (ms).'),
  RATE_LIMIT_HEARTBEATS: count(
    720,
    'Lesson heartbeats per user per window, apart from the tier allowance (one every 5 s for an hour).',
  ),
  RATE_LIMIT_HEARTBEATS_WINDOW_MS: count(HOUR_MS, 'Window of the heartbeat limit (ms).'),
  RATE_LIMIT_PREFIX: z
    .string()
    .min(1)
    .default('ts:rl:')
    .describe("Redis key prefix of the limiter's windows (tests use their own)."),
  RATE_LIMIT_COST_UNIT: count(
    1_000,
    'Query cost per request unit (an operation is charged ceil(cost / unit)).',
  ),
  LIVE_MAX_PAYLOAD_BYTES: count(64 * 1024, 'graphql-ws: the largest message a client may send.'),
  LIVE_MAX_SUBSCRIPTIONS_PER_SOCKET: count(50, 'graphql-ws: active subscriptions on one socket.'),
  LIVE_MAX_SOCKETS_PER_USER: count(20, 'graphql-ws: open sockets per user.'),
  LIVE_MAX_SOCKETS_PER_IP: count(100, 'graphql-ws: open sockets per client IP.'),
  LIVE_TIER_CHECK_MS: count(
    10_000,
    "How often a live socket checks its user's tier (a socket whose tier changed closes 4403), ms.",
  ),
  TRUSTED_DOCUMENTS: z
    .enum(['off', 'enforce'])
    .default('off')
    .describe('enforce: only operations of the trusted-documents manifest run.'),
  TRUSTED_DOCUMENTS_MANIFEST: z
    .string()
    .min(1)
    .optional()
    .describe('JSON { "<sha256>": "<document>" }; required with TRUSTED_DOCUMENTS=enforce.'),
};

type LimitsConfig = { NODE_ENV: string } & z.infer<z.ZodObject<typeof gatewayLimitVariables>>;

export function queryProtectionSettings(config: LimitsConfig): QueryProtectionSettings {
  return {
    maxDepth: config.MAX_QUERY_DEPTH,
    maxAliases: config.MAX_QUERY_ALIASES,
    maxDirectives: config.MAX_QUERY_DIRECTIVES,
    maxTokens: config.MAX_QUERY_TOKENS,
    production: config.NODE_ENV === 'production',
  };
}

export interface LiveSocketLimits {
  maxPayloadBytes: number;
  maxSubscriptionsPerSocket: number;
  maxSocketsPerUser: number;
  maxSocketsPerIp: number;
}

export function liveSocketLimits(config: LimitsConfig): LiveSocketLimits {
  return {
    maxPayloadBytes: config.LIVE_MAX_PAYLOAD_BYTES,
    maxSubscriptionsPerSocket: config.LIVE_MAX_SUBSCRIPTIONS_PER_SOCKET,
    maxSocketsPerUser: config.LIVE_MAX_SOCKETS_PER_USER,
    maxSocketsPerIp: config.LIVE_MAX_SOCKETS_PER_IP,
  };
}

export function costSettings(config: LimitsConfig): Omit<OperationBudgetOptions, 'rateLimits'> {
  return { maxCost: config.MAX_QUERY_COST, defaultListSize: config.DEFAULT_LIST_SIZE };
}

export function rateLimitPolicy(config: LimitsConfig): RateLimitPolicy {
  return {
    tiers: {
      FREE: config.RATE_LIMIT_FREE,
      PREMIUM: config.RATE_LIMIT_PREMIUM,
      ENTERPRISE: config.RATE_LIMIT_ENTERPRISE,
    },
    tierWindowMs: config.RATE_LIMIT_WINDOW_MS,
    auth: { limit: config.RATE_LIMIT_AUTH, windowMs: config.RATE_LIMIT_AUTH_WINDOW_MS },
    payments: { limit: config.RATE_LIMIT_PAYMENTS, windowMs: config.RATE_LIMIT_PAYMENTS_WINDOW_MS },
    heartbeats: { limit: config.RATE_LIMIT_HEARTBEATS, windowMs: config.RATE_LIMIT_HEARTBEATS_WINDOW_MS },
    costUnit: config.RATE_LIMIT_COST_UNIT,
  };
}

export type GatewayLimitOverrides = Partial<
  Record<keyof typeof gatewayLimitVariables | 'NODE_ENV', string | number>
>;

/** The limit variables set in an environment (`npm start` passes them through the stack). */
export function limitVariablesFrom(env: NodeJS.ProcessEnv): GatewayLimitOverrides {
  const names = ['NODE_ENV', ...Object.keys(gatewayLimitVariables)];
  return Object.fromEntries(names.flatMap((name) => (env[name] === undefined ? [] : [[name, env[name]]])));
}
