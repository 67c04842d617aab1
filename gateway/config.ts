import { z } from 'zod';
import { baseConfigSchema, composeRules, portSchema, type ProcessConfig } from '../platform/config';
import { Domains } from '../platform/events/envelope';
import { requiresKafka, requiresRedis } from '../platform/productionRules';
import { GATEWAY_DEFAULT_PORT, subgraphDefaults } from '../platform/topology';
import { trustedProxiesSetting } from './auth/clientInfo';
import { corsOriginsSetting } from './cors';
import { gatewayLimitVariables } from './limits/limitsConfig';

const subgraphUrlVariables = Object.fromEntries(
  Domains.map((name) => [
    `${name.toUpperCase()}_URL`,
    z
      .url()
      .default(`http://127.0.0.1:${subgraphDefaults[name].port}/graphql`)
      .describe(`GraphQL URL of the ${name} subgraph.`),
  ]),
) as Record<`${Uppercase<(typeof Domains)[number]>}_URL`, z.ZodDefault<z.ZodURL>>;

const ms = (min: number, fallback: number, what: string) =>
  z.coerce.number().int().min(min).default(fallback).describe(what);

/**
 * The gateway holds no database. It reads no variable another process owns: the FREE signal delay
 * arrives with each live event (signals stamps `releaseAt`), the token issuer and audience are
 * constants (platform/auth/accessToken.ts), live channel names are code (platform/events/topics.ts).
 */
export const gatewayConfigSchema = baseConfigSchema
  .omit({ DATABASE_URL: true, DATABASE_POOL_SIZE: true })
  .extend({
    PORT: portSchema.default(GATEWAY_DEFAULT_PORT).describe('HTTP and graphql-ws port.'),
    // Subgraphs serve /metrics on their own PORT next to /healthz (nothing outside the cluster reaches
    // them); the gateway's public port does not, so /metrics gets a listener of its own.
    METRICS_PORT: z.coerce
      .number()
      .int()
      .min(0)
      .max(65535)
      .default(9464)
      .describe('Port of the separate /metrics listener (never the public one); 0: any free port.'),
    METRICS_HOST: z.string().default('0.0.0.0').describe('Address of the /metrics listener.'),
    HOST: z.string().default('0.0.0.0').describe('Address to listen on.'),
    JWKS_URL: z
      .url()
      .optional()
      .describe("Identity's public keys; unset: the identity subgraph's /.well-known/jwks.json."),
    CORS_ORIGINS: corsOriginsSetting.describe(
      'Web origins allowed to call /graphql from a browser (comma-separated); unset: http://localhost:3000 outside production, none in production.',
    ),
    TRUSTED_PROXIES: trustedProxiesSetting.describe(
      "Our proxies' addresses/CIDRs (comma-separated): X-Forwarded-For is honoured only from them.",
    ),
    JWKS_CACHE_MAX_AGE_MS: ms(
      1_000,
      300_000,
      "How long identity's JWKS is trusted before a refetch; keep it at most identity's JWKS_MAX_AGE_SECONDS.",
    ),
    JWKS_COOLDOWN_MS: ms(
      0,
      30_000,
      'After a JWKS fetch, an unknown `kid` refetches only once this has passed.',
    ),
    RESPONSE_CACHE: z
      .enum(['on', 'off'])
      .default('on')
      .describe('Cache anonymous public-catalog responses in Redis (dropped on learning.course.changed).'),
    RESPONSE_CACHE_TTL_MS: ms(1_000, 300_000, 'Lifetime of a cached response (ms).'),
    RESPONSE_CACHE_PREFIX: z
      .string()
      .min(1)
      .default('ts:gw:rc:')
      .describe('Redis key prefix of cached responses; a stack or bench of its own uses its own.'),
    /** Unset: on, except in production, where a public IDE is one more thing to probe the schema with. */
    IDE: z
      .enum(['on', 'off'])
      .optional()
      .describe('The GraphiQL page at /; unset: on except with NODE_ENV=production.'),
    ...subgraphUrlVariables,
    ...gatewayLimitVariables,
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** Whether this gateway serves its GraphiQL page (see `IDE` above). */
export function ideEnabled(config: Pick<GatewayConfig, 'IDE' | 'NODE_ENV'>): boolean {
  return config.IDE ? config.IDE === 'on' : config.NODE_ENV !== 'production';
}

/**
 * Rate-limit windows, the session denylist, the response cache and the live pub/sub are shared by
 * every gateway through Redis; course changes arrive from Kafka. In-process stand-ins would give each
 * replica its own allowance and its own subscribers.
 */
export const gatewayProductionProblems = composeRules<GatewayConfig>(requiresRedis, requiresKafka);

export const gatewayConfig: ProcessConfig<typeof gatewayConfigSchema> = {
  schema: gatewayConfigSchema,
  productionProblems: gatewayProductionProblems,
};
