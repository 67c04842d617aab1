import { z } from 'zod';
import { baseConfigSchema, portSchema } from '../platform/config';
import { Domains } from '../platform/events/envelope';
import { GATEWAY_DEFAULT_PORT, subgraphDefaults } from '../platform/topology';

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
  ...subgraphUrlVariables,
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
