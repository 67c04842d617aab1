import { z } from 'zod';
import { baseConfigSchema, composeRules, portSchema } from './config';
import { requiresKafka, requiresRedis } from './productionRules';

/** What every subgraph process reads; each subgraph's config.ts extends it with its own settings. */
export const subgraphConfigSchema = baseConfigSchema.extend({
  PORT: portSchema.describe('HTTP port of this subgraph (/graphql, /healthz, /readyz).'),
  HOST: z.string().default('0.0.0.0').describe('Address to listen on.'),
  OUTBOX_POLL_MS: z.coerce
    .number()
    .int()
    .min(10)
    .default(250)
    .describe('How often the outbox relay looks for unpublished events (a commit also wakes it).'),
  GATEWAY_SIGNATURE_WINDOW_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(30_000)
    .default(30_000)
    .describe(
      "How old (or early) the gateway's signature on a request may be, at most 30 s; nonces are remembered " +
        'this long (in Redis), so a captured request is refused the second time.',
    ),
});

export type SubgraphConfig = z.infer<typeof subgraphConfigSchema>;

/**
 * Every subgraph in production: Redis (used gateway nonces shared by replicas, and whatever the
 * subgraph keeps there) and Kafka (its events reach the other domains). DATABASE_URL the schema
 * already requires everywhere.
 */
export const subgraphProductionRules = [requiresRedis, requiresKafka] as const;

export const subgraphProductionProblems = composeRules<SubgraphConfig>(...subgraphProductionRules);
