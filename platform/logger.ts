import pino from 'pino';

export type Logger = pino.Logger;

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
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.refreshToken'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(settings, destination) : pino(settings);
}

export const CORRELATION_HEADER = 'x-correlation-id';
