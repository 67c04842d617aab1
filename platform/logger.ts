import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

export type Logger = pino.Logger;

const requestScope = new AsyncLocalStorage<string>();

/**
 * Runs `work` (and everything it awaits) as part of the request `correlationId`: each line logged
 * meanwhile carries it, also through loggers made at start-up (services, caches, the rate limiter).
 */
export function inRequestScope<T>(correlationId: string, work: () => T): T {
  return requestScope.run(correlationId, work);
}

function correlationIdOfScope(mergeObject: object, logger: pino.Logger): object {
  const correlationId = requestScope.getStore();
  if (!correlationId || 'correlationId' in mergeObject) return {};
  // A request's child logger already binds it: a second key would make the JSON line ambiguous.
  const bindings = (logger as unknown as Record<symbol, unknown>)[pino.symbols.chindingsSym];
  return typeof bindings === 'string' && bindings.includes('"correlationId"') ? {} : { correlationId };
}

/**
 * JSON lines on stdout (or `destination`, for tests that read them); every line of a request carries
 * its correlation id, through `child()` or the request's own fields.
 */
export function createLogger(
  options: { name: string; level: string },
  destination?: pino.DestinationStream,
): Logger {
  const settings: pino.LoggerOptions = {
    name: options.name,
    level: options.level,
    base: { service: options.name },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: (mergeObject, _level, logger) => correlationIdOfScope(mergeObject, logger),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.refreshToken'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(settings, destination) : pino(settings);
}

export const CORRELATION_HEADER = 'x-correlation-id';
