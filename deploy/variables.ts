import type { z } from 'zod';
import { gatewayConfig } from '../gateway/config';
import { configProblems, variableOf, type ProcessConfig } from '../platform/config';
import { subgraphDefaults, GATEWAY_DEFAULT_PORT } from '../platform/topology';
import { billingConfig } from '../subgraphs/billing/config';
import { identityConfig } from '../subgraphs/identity/config';
import { learningConfig } from '../subgraphs/learning/config';
import { signalsConfig } from '../subgraphs/signals/config';
import { tradingConfig } from '../subgraphs/trading/config';

/**
 * The one list of environment variables, derived from each process's zod config module: what
 * docker-compose.yml, the README's production section and the Kubernetes test are generated from or
 * checked against (deploy/generate.ts, deploy/deploy.test.ts), so none of them can drift.
 */

type AnyProcessConfig = ProcessConfig<z.ZodObject>;

export const processConfigs = {
  identity: identityConfig,
  learning: learningConfig,
  signals: signalsConfig,
  trading: tradingConfig,
  billing: billingConfig,
  gateway: gatewayConfig,
} satisfies Record<string, AnyProcessConfig>;

export type ProcessName = keyof typeof processConfigs;
export const processNames = Object.keys(processConfigs) as ProcessName[];

/** Each process's entry point and port: what compose, the README and the Deployments run. */
export const processRuns: Record<ProcessName, { entry: string; port: number }> = {
  identity: { entry: 'subgraphs/identity/index.ts', port: subgraphDefaults.identity.port },
  learning: { entry: 'subgraphs/learning/index.ts', port: subgraphDefaults.learning.port },
  signals: { entry: 'subgraphs/signals/index.ts', port: subgraphDefaults.signals.port },
  trading: { entry: 'subgraphs/trading/index.ts', port: subgraphDefaults.trading.port },
  billing: { entry: 'subgraphs/billing/index.ts', port: subgraphDefaults.billing.port },
  gateway: { entry: 'gateway/index.ts', port: GATEWAY_DEFAULT_PORT },
};

export interface Variable {
  name: string;
  process: ProcessName;
  /** The default as the variable's text would spell it; undefined: none. */
  default: string | undefined;
  /** Loading `NODE_ENV=production` alone names it: zod requires it or a production rule does. */
  requiredInProduction: boolean;
  /** Marked with `secret()` in its schema: a Kubernetes Secret provides it, never a literal. */
  secret: boolean;
  description: string;
}

interface ZodDefinition {
  type: string;
  defaultValue?: unknown;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

function definitionOf(schema: z.ZodType): ZodDefinition {
  return (schema as unknown as { _zod: { def: ZodDefinition } })._zod.def;
}

/** The default under optional/pipe/transform wrappers, spelled as an environment value. */
function defaultOf(schema: z.ZodType): string | undefined {
  const def = definitionOf(schema);
  if (def.type === 'default') {
    const value = def.defaultValue;
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  const inner = def.innerType ?? def.in;
  return inner ? defaultOf(inner) : undefined;
}

/** What loading only `NODE_ENV=production` names: every variable production cannot do without. */
export function requiredInProduction(processConfig: AnyProcessConfig): Set<string> {
  const { problems } = configProblems(
    processConfig.schema,
    { NODE_ENV: 'production' },
    processConfig.productionProblems,
  );
  return new Set(problems.map(variableOf));
}

export function variablesOf(process: ProcessName): Variable[] {
  const processConfig: AnyProcessConfig = processConfigs[process];
  const required = requiredInProduction(processConfig);
  return Object.entries(processConfig.schema.shape).map(([name, schema]) => {
    const field = schema as z.ZodType;
    const meta = field.meta() as { description?: string; secret?: boolean } | undefined;
    return {
      name,
      process,
      default: defaultOf(field),
      requiredInProduction: required.has(name),
      secret: meta?.secret === true,
      description: meta?.description ?? field.description ?? '',
    };
  });
}

export const variables: Variable[] = processNames.flatMap(variablesOf);
