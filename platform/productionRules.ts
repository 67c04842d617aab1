import { isIP } from 'node:net';
import type { BaseConfig, ProductionRule } from './config';

/**
 * Rules of production every process shares. Each is a pure function of the parsed config; the process
 * config modules (subgraphs/<name>/config.ts, gateway/config.ts) compose them with their own.
 */

/** `VARIABLE: message` when `bad`, else nothing. */
export function problemIf(bad: boolean, variable: string, message: string): string[] {
  return bad ? [`${variable}: ${message}`] : [];
}

/**
 * Lockout counters, the session denylist, rate-limit windows, used gateway nonces and the live pub/sub
 * must be shared by every replica: the in-process stand-in would give each replica its own.
 */
export const requiresRedis: ProductionRule<Pick<BaseConfig, 'REDIS_URL'>> = (config) =>
  problemIf(!config.REDIS_URL, 'REDIS_URL', 'required in production (no in-process stand-in for Redis)');

/** Events cross processes only through Kafka: the in-process bus would deliver nothing to the others. */
export const requiresKafka: ProductionRule<Pick<BaseConfig, 'KAFKA_BROKERS'>> = (config) =>
  problemIf(
    !config.KAFKA_BROKERS,
    'KAFKA_BROKERS',
    'required in production (no in-process stand-in for Kafka)',
  );

/** Whether a URL's host is this machine: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/**
 * A third-party API (Postmark, Razorpay, an exchange) must be reached over https in production, since
 * its token or key travels in every request. The one exception is a loopback host: the production-shape
 * tests (test/production) run NODE_ENV=production against our emulators on 127.0.0.1 over http, and a
 * request that never leaves the machine exposes nothing on the wire.
 */
export function httpsUnlessLoopback(variable: string, url: string | undefined): string[] {
  if (!url) return [];
  const { protocol } = new URL(url);
  return problemIf(
    protocol !== 'https:' && !isLoopbackUrl(url),
    variable,
    `must be an https:// URL in production (http only to a loopback host): ${url}`,
  );
}
