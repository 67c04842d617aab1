import { ConfigError } from '../../platform/config';

/** What every process needs in production, all present: tests of one rule remove or break one thing. */
export const productionBase = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://app:secret@postgres:5432/tradeschool',
  REDIS_URL: 'redis://redis:6379',
  KAFKA_BROKERS: 'kafka-0:9092,kafka-1:9092',
  GATEWAY_SECRET: 'a'.repeat(48),
  PORT: '4001',
} as const;

/** The ConfigError's message of a failing load (fails the test when nothing is thrown). */
export function configErrorOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError, but the config loaded');
}

/** The variables a ConfigError names, one per line (`  NAME: why`). */
export function namedVariables(message: string): string[] {
  return [
    ...new Set(message.split('\n').flatMap((line) => /^ {2}([A-Z_][A-Z0-9_]*)[.:]/.exec(line)?.[1] ?? [])),
  ];
}
