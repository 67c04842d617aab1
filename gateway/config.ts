import { z } from 'zod';
import { baseConfigSchema, portSchema } from '../platform/config';
import { Domains } from '../platform/events/envelope';
import { LiveChannels } from '../platform/events/topics';
import { DEFAULT_FREE_SIGNAL_DELAY_MS } from '../platform/signalTiers';
import { GATEWAY_DEFAULT_PORT, subgraphDefaults } from '../platform/topology';
import { trustedProxiesSetting } from './auth/clientInfo';
import { corsOriginsSetting } from './cors';
import { gatewayLimitVariables } from './limits/limitsConfig';

const subgraphUrlVariables = Object.fromEntries(
  Domains.map((name) => [
    `${name.toUpperCase()}_URL`,
    z.url().default(`http://127.0.0.1:${subgraphDefaults[name].port}/graphql`),
  ]),
) as Record<`${Uppercase<(typeof Domains)[number]>}_URL`, z.ZodDefault<z.ZodURL>>;

// KAFKA_BROKERS: where `learning.course.changed` arrives to drop cached catalog responses.
export const gatewayConfigSchema = baseConfigSchema.omit({ DATABASE_URL: true }).extend({
  PORT: portSchema.default(GATEWAY_DEFAULT_PORT),
  HOST: z.string().default('0.0.0.0'),
  JWT_ISSUER: z.string().default('tradeschool-identity'),
  JWT_AUDIENCE: z.string().default('tradeschool-api'),
  /** Identity's public keys; defaults to the identity subgraph's own route. */
  JWKS_URL: z.url().optional(),
  /** How long FREE subscribers wait for a live signal; the signals subgraph's history uses the same. */
  FREE_SIGNAL_DELAY_MS: z.coerce.number().int().min(0).default(DEFAULT_FREE_SIGNAL_DELAY_MS),
  /** Redis pub/sub channel of the signals fan-out. */
  LIVE_SIGNALS_CHANNEL: z.string().min(1).default(LiveChannels.signals),
  /**
   * Web origins allowed to call /graphql from a browser (comma-separated). Unset: the development web
   * app (http://localhost:3000) outside production; none in production (gateway/cors.ts).
   */
  CORS_ORIGINS: corsOriginsSetting,
  /** Our proxies' addresses/CIDRs (comma-separated): X-Forwarded-For is honoured only from them. */
  TRUSTED_PROXIES: trustedProxiesSetting,
  /** How long identity's JWKS is trusted before a refetch (keep it at most identity's JWKS_MAX_AGE_SECONDS). */
  JWKS_CACHE_MAX_AGE_MS: z.coerce.number().int().min(1_000).default(300_000),
  /** After a fetch, an unknown `kid` refetches only once this has passed. */
  JWKS_COOLDOWN_MS: z.coerce.number().int().min(0).default(30_000),
  /** Anonymous public-catalog responses cached in Redis (needs a bus for invalidation; gateway/responseCache). */
  RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(1_000).default(300_000),
  /** Redis key prefix of cached responses; a stack or bench of its own uses its own. */
  RESPONSE_CACHE_PREFIX: z.string().min(1).default('ts:gw:rc:'),
  /**
   * The GraphiQL page at `/`. Unset: on, except with NODE_ENV=production, where a public IDE is one
   * more thing to probe the schema with; `IDE=on` brings it back there on purpose.
   */
  IDE: z.enum(['on', 'off']).optional(),
  ...subgraphUrlVariables,
  ...gatewayLimitVariables,
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** Whether this gateway serves its GraphiQL page (see `IDE` above). */
export function ideEnabled(config: Pick<GatewayConfig, 'IDE' | 'NODE_ENV'>): boolean {
  return config.IDE ? config.IDE === 'on' : config.NODE_ENV !== 'production';
}
