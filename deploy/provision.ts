import { processNames, processRuns, variablesOf, type ProcessName, type Variable } from './variables';

/**
 * How each deployment target provides the variables production requires. A variable that becomes
 * required (a new zod field without default, a new production rule) and has no way here fails the
 * generation (deploy/generate.ts) until someone says where its value comes from.
 */

/** Our own services' addresses in docker-compose.yml (service names on the compose network). */
const composeInfrastructure: Record<string, string> = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://postgres:postgres@postgres:5432/tradeschool',
  REDIS_URL: 'redis://redis:6379',
  KAFKA_BROKERS: 'kafka:9092',
};

/** The same for plain processes on one machine (README): the services on 127.0.0.1. */
export const localInfrastructure: Record<string, string> = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/tradeschool',
  REDIS_URL: 'redis://127.0.0.1:6379',
  KAFKA_BROKERS: '127.0.0.1:9092',
};

/** Shell words that produce each secret or account value (README, plain processes). */
export const shellValues: Record<string, string> = {
  GATEWAY_SECRET: '"$(openssl rand -hex 32)"',
  JWT_PRIVATE_KEY: '"$(cat jwt.key)"',
  JWT_PUBLIC_KEY: '"$(cat jwt.pub)"',
  IDENTITY_DATA_KEY: '"$(openssl rand -hex 32)"',
  TRADING_DATA_KEY: '"$(openssl rand -hex 32)"',
  POSTMARK_SERVER_TOKEN: '"<your Postmark server token>"',
  RAZORPAY_KEY_ID: '"<your Razorpay key id>"',
  RAZORPAY_KEY_SECRET: '"<your Razorpay key secret>"',
  RAZORPAY_WEBHOOK_SECRET: '"<your Razorpay webhook secret>"',
  SELLER_LEGAL_NAME: '"<your registered legal name>"',
  SELLER_GSTIN: '"<your GSTIN>"',
  SELLER_ADDRESS: '"<your registered address, one line>"',
};

/** `kubectl create secret` arguments per key (README, Kubernetes). */
export const secretSources: Record<string, string> = {
  DATABASE_URL:
    '--from-literal=DATABASE_URL="postgresql://<user>:<password>@<managed-postgres-host>:5432/tradeschool?sslmode=require"',
  REDIS_URL: '--from-literal=REDIS_URL="rediss://:<password>@<managed-redis-host>:6380"',
  GATEWAY_SECRET: '--from-literal=GATEWAY_SECRET="$(openssl rand -hex 32)"',
  JWT_PRIVATE_KEY: '--from-file=JWT_PRIVATE_KEY=jwt.key',
  JWT_PUBLIC_KEY: '--from-file=JWT_PUBLIC_KEY=jwt.pub',
  IDENTITY_DATA_KEY: '--from-literal=IDENTITY_DATA_KEY="$(openssl rand -hex 32)"',
  TRADING_DATA_KEY: '--from-literal=TRADING_DATA_KEY="$(openssl rand -hex 32)"',
  POSTMARK_SERVER_TOKEN: '--from-literal=POSTMARK_SERVER_TOKEN="<your Postmark server token>"',
  RAZORPAY_KEY_ID: '--from-literal=RAZORPAY_KEY_ID="<your Razorpay key id>"',
  RAZORPAY_KEY_SECRET: '--from-literal=RAZORPAY_KEY_SECRET="<your Razorpay key secret>"',
  RAZORPAY_WEBHOOK_SECRET: '--from-literal=RAZORPAY_WEBHOOK_SECRET="<your Razorpay webhook secret>"',
  SELLER_LEGAL_NAME: '--from-literal=SELLER_LEGAL_NAME="<your registered legal name>"',
  SELLER_GSTIN: '--from-literal=SELLER_GSTIN="<your GSTIN>"',
  SELLER_ADDRESS: '--from-literal=SELLER_ADDRESS="<your registered address, one line>"',
};

/** Set in the ConfigMap of each overlay (not secret, differs per environment). */
export const configMapVariables = ['NODE_ENV', 'KAFKA_BROKERS'] as const;

/** Provided per process as a literal: its port, and for the gateway where the subgraphs are. */
export function literalVariables(
  process: ProcessName,
  hostOf: (name: ProcessName) => string,
): Record<string, string> {
  const literals: Record<string, string> = { PORT: String(processRuns[process].port) };
  if (process === 'gateway') {
    for (const name of processNames.filter((name) => name !== 'gateway')) {
      literals[`${name.toUpperCase()}_URL`] = `http://${hostOf(name)}:${processRuns[name].port}/graphql`;
    }
  }
  return literals;
}

export function requiredVariables(process: ProcessName): Variable[] {
  return variablesOf(process).filter((variable) => variable.requiredInProduction);
}

/** Required by more than one process: one Secret (or ConfigMap key) for all of them. */
export function isShared(name: string): boolean {
  return processNames.filter((process) => requiredVariables(process).some((v) => v.name === name)).length > 1;
}

/** The Kubernetes Secret a required variable comes from, or undefined when a ConfigMap or literal sets it. */
export function secretNameOf(process: ProcessName, name: string): string | undefined {
  if ((configMapVariables as readonly string[]).includes(name)) return undefined;
  if (name in literalVariables(process, (other) => other)) return undefined;
  return isShared(name) ? 'tradeschool-shared' : `tradeschool-${process}`;
}

/** docker-compose.yml's value of one variable of a process (undefined: not set there). */
export function composeValue(process: ProcessName, variable: Variable): string | undefined {
  const literal = literalVariables(process, (name) => name)[variable.name];
  if (literal !== undefined) return literal;
  if (variable.name in composeInfrastructure) return composeInfrastructure[variable.name];
  if (variable.requiredInProduction) {
    return `\${${variable.name}:?${variable.name} is required: see the README, Production}`;
  }
  return undefined;
}

/** Fails when a required variable has no way to be provided somewhere. */
export function assertEveryRequiredVariableProvided(): void {
  const missing = processNames.flatMap((process) =>
    requiredVariables(process).flatMap((variable) => {
      const name = variable.name;
      if (name in literalVariables(process, (other) => other) || name in localInfrastructure) return [];
      const gaps = [
        ...(name in shellValues ? [] : ['shellValues']),
        ...(secretNameOf(process, name) && !(name in secretSources) ? ['secretSources'] : []),
      ];
      return gaps.length
        ? [`${process} ${name} (add it to ${gaps.join(' and ')} in deploy/provision.ts)`]
        : [];
    }),
  );
  if (missing.length)
    throw new Error(`Required in production but provided nowhere:\n  ${missing.join('\n  ')}`);
}
