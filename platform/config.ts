import { z } from 'zod';

/** Settings every process shares; each process extends this with its own. */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  /** PostgreSQL connections per process (each subgraph holds its own pool). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Unset: the in-process pub/sub stand-in (single-process `npm start` only). */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Comma-separated host:port list. Unset: the in-process event bus stand-in. */
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'expected host:port[,host:port...]')
    .optional(),
  KAFKA_CLIENT_ID: z.string().default('tradeschool'),
  /** Optional prefix for Kafka topics and consumer groups, to share one broker between environments. */
  KAFKA_NAMESPACE: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, _ and - only')
    .optional(),
  /** Shared by the gateway and the subgraphs: signs the identity headers the gateway forwards. */
  GATEWAY_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /**
   * How old (or early) a gateway signature may be when a subgraph receives it; at most 30 s. Each
   * request's nonce is remembered this long (Redis with REDIS_URL), so a captured request is refused
   * the second time and for good once the window has passed.
   */
  GATEWAY_SIGNATURE_WINDOW_MS: z.coerce.number().int().min(1_000).max(30_000).default(30_000),

  // ── Observability (platform/telemetry; docs/observability.md) ──────────────────────────────────
  /**
   * Gateway only: the port of its separate /metrics listener, never the public one. Subgraphs serve
   * /metrics on their own PORT next to /healthz (they are not reachable from outside the cluster).
   */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  METRICS_HOST: z.string().default('0.0.0.0'),
  /** OpenTelemetry's standard variable: traces are exported (OTLP over HTTP) only when it is set. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** The service name on this process's spans; unset: the process's own name. */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  // ── end of observability ───────────────────────────────────────────────────────────────────────
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment once at boot. The message names every bad variable, so a misconfigured
 * deployment fails before it serves anything.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}

/** Port numbers from the environment: 0 asks the OS for a free one (tests). */
export const portSchema = z.coerce.number().int().min(0).max(65535);
