import { z } from 'zod';

/** Settings every process shares; each process extends this with its own. */
export const baseConfigSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'])
    .default('development')
    .describe('production turns on the production rules (each process config.ts) and hides demo data.'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino log level (JSON lines on stdout).'),
  DATABASE_URL: secret(
    z.url({ protocol: /^postgres(ql)?$/ }).describe('PostgreSQL connection URL (it holds the password).'),
  ),
  DATABASE_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(10)
    .describe('PostgreSQL connections per process (each replica holds its own pool).'),
  REDIS_URL: secret(
    z
      .url({ protocol: /^rediss?$/ })
      .optional()
      .describe('Redis URL (redis:// or rediss://). Required in production; unset: an in-process stand-in.'),
  ),
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'expected host:port[,host:port...]')
    .optional()
    .describe(
      'Kafka bootstrap brokers, host:port[,host:port]. Required in production; unset: an in-process bus.',
    ),
  KAFKA_CLIENT_ID: z
    .string()
    .default('tradeschool')
    .describe('Kafka client id (shows in broker logs and quotas).'),
  KAFKA_NAMESPACE: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, _ and - only')
    .optional()
    .describe('Prefix of Kafka topics and consumer groups, to share one broker between environments.'),
  GATEWAY_SECRET: secret(
    z
      .string()
      .min(32, 'must be at least 32 characters')
      .describe(
        'Deployment-wide: the gateway signs the identity headers it forwards, subgraphs verify them.',
      ),
  ),
  KAFKA_SESSION_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(6_000)
    .max(1_800_000)
    .default(30_000)
    .describe(
      'Kafka consumer session (ms): how long a consumer that died without leaving (kill -9, a lost node) keeps its partitions before the group rebalances; within the broker group.min/max.session.timeout.ms.',
    ),
  // Observability (platform/telemetry; docs/observability.md).
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url()
    .optional()
    .describe("OpenTelemetry's standard variable: traces are exported (OTLP over HTTP) only when it is set."),
  OTEL_SERVICE_NAME: z
    .string()
    .min(1)
    .optional()
    .describe("The service name on this process's spans; unset: the process's own name."),
});

/**
 * Marks a variable secret (apply after `.describe()`): the variable list (deploy/variables.ts) then has
 * it come from a Kubernetes Secret and never writes a value for it.
 */
export function secret<T extends z.ZodType>(schema: T): T {
  return schema.meta({ ...schema.meta(), secret: true });
}

export type BaseConfig = z.infer<typeof baseConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * A process's configuration: its zod schema and the rules production adds (pure functions of the
 * parsed config, each returning the problems it finds, every message starting with the variable).
 */
export interface ProcessConfig<S extends z.ZodType> {
  schema: S;
  productionProblems(config: z.infer<S>): string[];
}

/** A rule of production: the problems it finds in a parsed config, `VARIABLE: why` each. */
export type ProductionRule<C> = (config: C) => string[];

/** Rules composed into one: its problems are every rule's, in order; `rules` lists them flat. */
export type ComposedRules<C> = ((config: C) => string[]) & { rules: readonly ProductionRule<C>[] };

/** Every rule's problems, in order: what `productionProblems` of each process config is made of. */
export function composeRules<C>(...rules: (ProductionRule<C> | ComposedRules<C>)[]): ComposedRules<C> {
  const flat = rules.flatMap((rule) => ('rules' in rule ? rule.rules : [rule]));
  return Object.assign((config: C) => flat.flatMap((rule) => rule(config)), { rules: flat });
}

function zodProblems(error: z.ZodError): { names: Set<string>; problems: string[] } {
  const names = new Set(error.issues.map((issue) => String(issue.path[0] ?? '(root)')));
  // zod says "Invalid input: expected string, received undefined" for a variable that is not set.
  const messageOf = (issue: z.core.$ZodIssue) =>
    issue.code === 'invalid_type' && issue.message.endsWith('received undefined')
      ? 'required'
      : issue.message;
  const problems = error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${messageOf(issue)}`);
  return { names, problems };
}

/** On a partial config (some values already reported), a rule that trips over a hole adds nothing. */
function rulesOn<C>(config: C, productionProblems: (config: C) => string[], complete: boolean): string[] {
  if (complete) return productionProblems(config);
  const rules =
    'rules' in productionProblems ? (productionProblems as ComposedRules<C>).rules : [productionProblems];
  return rules.flatMap((rule) => {
    try {
      return rule(config);
    } catch {
      return [];
    }
  });
}

/** The variable a problem names (`NAME: why`, or `NAME.key: why` for a JSON value). */
export function variableOf(problem: string): string {
  return problem.split(':')[0]!.split('.')[0]!;
}

/**
 * Every problem of an environment, and the config when there are none. With NODE_ENV=production the
 * process's production rules run too, and when some values are malformed or missing they still run on
 * the rest, so one report names every bad variable (the style of Hive console's environment.ts).
 */
export function configProblems<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv,
  productionProblems?: (config: z.infer<S>) => string[],
): { config: z.infer<S> | undefined; problems: string[] } {
  const parsed = schema.safeParse(env);
  if (parsed.success && !(productionProblems && env.NODE_ENV === 'production')) {
    return { config: parsed.data, problems: [] };
  }
  let problems: string[] = [];
  let config: z.infer<S> | undefined = parsed.data;
  if (!parsed.success) {
    const found = zodProblems(parsed.error);
    problems = found.problems;
    // The rest, without the bad values; partial, so a required variable already reported does not stop
    // the rules (zod 4 still applies the defaults of a partial object). A rule may then meet such a
    // variable undefined: rulesOn skips what it cannot check, and repeats of named variables are dropped.
    const rest = Object.fromEntries(Object.entries(env).filter(([name]) => !found.names.has(name)));
    const retried = (schema instanceof z.ZodObject ? schema.partial() : schema).safeParse(rest);
    config = retried.success ? (retried.data as z.infer<S>) : undefined;
  }
  if (config && productionProblems && env.NODE_ENV === 'production') {
    const named = new Set(problems.map(variableOf));
    const more = rulesOn(config, productionProblems, parsed.success);
    problems.push(...more.filter((problem) => !named.has(variableOf(problem))));
  }
  return { config: problems.length ? undefined : config, problems };
}

/** Parses the environment once at boot: a misconfigured deployment fails before it serves anything. */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
  productionProblems?: (config: z.infer<S>) => string[],
): z.infer<S> {
  const { config, problems } = configProblems(schema, env, productionProblems);
  if (problems.length === 0) return config as z.infer<S>;
  throw new ConfigError(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
}

/** loadConfig of one process's ProcessConfig. */
export function loadProcessConfig<S extends z.ZodType>(
  processConfig: ProcessConfig<S>,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  return loadConfig(processConfig.schema, env, processConfig.productionProblems);
}

/** Port numbers from the environment: 0 asks the OS for a free one (tests). */
export const portSchema = z.coerce.number().int().min(0).max(65535);
