import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { repoRoot } from '../platform/topology';

/** Where `npm run build:admin` (clients/admin/build.ts) writes the dashboard. */
export const adminDistDir = path.join(repoRoot, 'clients', 'admin', 'dist');

export const ADMIN_BASE_PATH = '/admin/';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// The app talks only to its own origin: /graphql over HTTP and WebSocket.
const csp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

interface StaticFile {
  body: Buffer;
  etag: string;
  contentType: string;
}

/**
 * Resolves a URL path below the base path to a file inside `root`, or undefined when it would leave
 * it (`..`, encoded separators, NUL) or is malformed.
 */
export function resolveInside(root: string, relative: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return resolved === root || resolved.startsWith(root + path.sep) ? resolved : undefined;
}

/**
 * Serves the admin dashboard's built files under /admin/: hashed assets cached for a year, the
 * page itself revalidated every time, any other path without a file extension answered with the page
 * (client-side routes). Files are read once and kept in memory (a rebuild means a restart).
 */
export function createAdminAppHandler(options: { root?: string; basePath?: string } = {}) {
  const root = path.resolve(options.root ?? adminDistDir);
  const basePath = options.basePath ?? ADMIN_BASE_PATH;
  const cache = new Map<string, StaticFile>();

  async function load(file: string): Promise<StaticFile | undefined> {
    const cached = cache.get(file);
    if (cached) return cached;
    const info = await stat(file).catch(() => undefined);
    // Misses are not remembered: requests for made-up paths must not grow the cache.
    if (!info?.isFile()) return undefined;
    const body = await readFile(file);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const loaded = {
      body,
      etag,
      contentType: contentTypes[path.extname(file)] ?? 'application/octet-stream',
    };
    cache.set(file, loaded);
    return loaded;
  }

  function send(req: IncomingMessage, res: ServerResponse, file: StaticFile, cacheControl: string): void {
    const headers: Record<string, string> = {
      ...securityHeaders,
      'content-type': file.contentType,
      'cache-control': cacheControl,
      etag: file.etag,
    };
    if (file.contentType.startsWith('text/html')) headers['content-security-policy'] = csp;
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === file.etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': String(file.body.length) });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  function plain(res: ServerResponse, status: number, message: string): true {
    res.writeHead(status, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' }).end(message);
    return true;
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const pathname = (req.url ?? '/').split('?')[0]!;
    if (pathname === basePath.slice(0, -1)) {
      res.writeHead(308, { location: basePath }).end();
      return true;
    }
    if (!pathname.startsWith(basePath)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return plain(res, 405, 'Method not allowed');
    }

    const relative = pathname.slice(basePath.length);
    const target = resolveInside(root, relative);
    if (!target) return plain(res, 400, 'Bad path');
    // Dotfiles (the build's .source-hash stamp) are not part of the app.
    if (
      path
        .relative(root, target)
        .split(path.sep)
        .some((part) => part.startsWith('.'))
    ) {
      return plain(res, 404, 'Not found');
    }
    const file = relative === '' ? undefined : await load(target);
    if (file) {
      // Vite puts a content hash in every asset name: they never change under the same URL.
      const immutable = relative.startsWith('assets/');
      send(req, res, file, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return true;
    }
    // A missing asset is a 404; anything else is a client-side route of the single-page app.
    if (path.extname(relative) !== '') return plain(res, 404, 'Not found');
    const page = await load(path.join(root, 'index.html'));
    if (!page) return plain(res, 503, 'The admin dashboard is not built: run `npm run build:admin`.');
    send(req, res, page, 'no-cache');
    return true;
  };
}
