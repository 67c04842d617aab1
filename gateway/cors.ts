import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';
import { z } from 'zod';
import { CORRELATION_HEADER } from '../platform/logger';
import type { RequestHandler } from '../platform/graphqlHttp';

/** The web app's origin outside production when CORS_ORIGINS is unset (identity's APP_URL default). */
export const DEVELOPMENT_WEB_ORIGIN = 'http://localhost:3000';

/** CORS_ORIGINS: comma-separated exact origins (`scheme://host[:port]`, no path), e.g. https://app.example.com. */
export const corsOriginsSetting = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const origins = value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    for (const origin of origins) {
      const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
      if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
        ctx.addIssue({ code: 'custom', message: `not an origin (scheme://host[:port]): ${origin}` });
        return z.NEVER;
      }
    }
    return origins;
  });

/** Unset: the development web app's origin outside production, nobody in production (same origin only). */
export function allowedCorsOrigins(config: {
  NODE_ENV: string;
  CORS_ORIGINS: string[] | undefined;
}): string[] {
  return config.CORS_ORIGINS ?? (config.NODE_ENV === 'production' ? [] : [DEVELOPMENT_WEB_ORIGIN]);
}

/**
 * CORS for /graphql with the `cors` middleware: an allow-list of exact origins, preflights answered
 * (204), no credentials: the API authenticates with the Authorization header, never cookies, so a page
 * on a listed origin gets nothing a script there could not already send. Apollo's CSRF prevention
 * still applies to simple requests from anywhere.
 */
export function createCorsHandler(origins: string[], graphqlPath = '/graphql'): RequestHandler {
  const allowed = new Set(origins);
  const middleware = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      CORRELATION_HEADER,
    ],
    exposedHeaders: [CORRELATION_HEADER, 'retry-after'],
    credentials: false,
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
  return (req: IncomingMessage, res: ServerResponse) =>
    new Promise<boolean>((resolve, reject) => {
      if (new URL(req.url ?? '/', 'http://localhost').pathname !== graphqlPath) return resolve(false);
      // Preflights end here (the middleware answers them); other requests go on with the headers set.
      res.once('finish', () => resolve(true));
      middleware(req, res, (error?: unknown) => (error ? reject(error) : resolve(res.writableEnded)));
    });
}
