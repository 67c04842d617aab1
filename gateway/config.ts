import { z } from 'zod';
import { baseConfigSchema, portSchema } from '../platform/config';
import { Domains } from '../platform/events/envelope';
import { LiveChannels } from '../platform/events/topics';
import { DEFAULT_FREE_SIGNAL_DELAY_MS } from '../platform/signalTiers';
import { GATEWAY_DEFAULT_PORT, subgraphDefaults } from '../platform/topology';
import { gatewayLimitVariables } from './limits/limitsConfig';

const subgraphUrlVariables = Object.fromEntries(
  Domains.map((name) => [
    `${name.toUpperCase()}_URL`,
    z.url().default(`http://127.0.0.1:${subgraphDefaults[name].port}/graphql`),
  ]),
) as Record<`${Uppercase<(typeof Domains)[number]>}_URL`, z.ZodDefault<z.ZodURL>>;

export const gatewayConfigSchema = baseConfigSchema.omit({ DATABASE_URL: true, KAFKA_BROKERS: true }).extend({
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
  ...subgraphUrlVariables,
  ...gatewayLimitVariables,
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
