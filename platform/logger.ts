import pino from 'pino';

export type Logger = pino.Logger;

/** JSON lines on stdout; every line of a request carries its correlation id through `child()`. */
export function createLogger(options: { name: string; level: string }): Logger {
  return pino({
    name: options.name,
    level: options.level,
    base: { service: options.name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.refreshToken'],
      censor: '[redacted]',
    },
  });
}

export const CORRELATION_HEADER = 'x-correlation-id';
