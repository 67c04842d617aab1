import { z } from 'zod';
import { baseConfigSchema, portSchema } from './config';

export const subgraphConfigSchema = baseConfigSchema.extend({
  PORT: portSchema,
  HOST: z.string().default('0.0.0.0'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(250),
});

export const identityConfigSchema = subgraphConfigSchema.extend({
  JWT_ISSUER: z.string().default('tradeschool-identity'),
  JWT_AUDIENCE: z.string().default('tradeschool-api'),
  /** PKCS#8 and SPKI PEM of an ES256 key pair; required in production (see platform/auth/accessToken.ts). */
  JWT_PRIVATE_KEY: z.string().optional(),
  JWT_PUBLIC_KEY: z.string().optional(),
});

export type SubgraphConfig = z.infer<typeof subgraphConfigSchema>;
export type IdentityConfig = z.infer<typeof identityConfigSchema>;
