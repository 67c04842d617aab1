import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/**
 * Offline GraphQL IDE: GraphiQL 3 (UMD build) on React 18 (UMD builds), all served by this process from
 * files installed by npm. No CDN: the page references only `/ide/...` assets and its Content-Security-Policy
 * allows nothing but 'self' (plus ws:/wss: for subscriptions).
 */

export interface IdeOptions {
  /** Path of the GraphQL endpoint (same origin), e.g. `/graphql`; subscriptions go to ws(s):// on the same path. */
  graphqlPath: string;
  /** Page title. */
  title?: string;
  /** Query shown in the editor on first visit (GraphiQL keeps the user's own tabs in localStorage afterwards). */
  defaultQuery?: string;
}

export const IDE_ASSET_PREFIX = '/ide/';

const DEFAULT_TITLE = 'TradeSchool GraphQL IDE';

const DEFAULT_QUERY = `# Welcome to the TradeSchool GraphQL API.
# Press the play button (Ctrl-Enter) to run the query; open the docs on the left to explore the schema.
{
  plans {
    id
    name
    tier
    price {
      amount
      currency
    }
  }
}
`;

interface Asset {
  body: Buffer;
  contentType: string;
  etag: string;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Served name -> [package (or null for our own assets dir), file relative to the package root, type]. */
const ASSET_SOURCES: ReadonlyArray<readonly [name: string, pkg: string | null, file: string, type: string]> =
  [
    ['react.production.min.js', 'react', 'umd/react.production.min.js', JS],
    ['react-dom.production.min.js', 'react-dom', 'umd/react-dom.production.min.js', JS],
    ['graphiql.min.js', 'graphiql', 'graphiql.min.js', JS],
    ['graphiql.min.css', 'graphiql', 'graphiql.min.css', CSS],
    ['ide.css', null, 'ide.css', CSS],
    ['bootstrap.js', null, 'bootstrap.js', JS],
  ];

let assetCache: Map<string, Asset> | undefined;

/** Reads every asset into memory once per process (the files do not change while it runs). */
function loadAssets(): Map<string, Asset> {
  if (assetCache) return assetCache;
  const assets = new Map<string, Asset>();
  for (const [name, pkg, file, contentType] of ASSET_SOURCES) {
    // graphiql's `exports` map hides its UMD files, so resolve the (exported) package.json and join.
    const dir = pkg ? path.dirname(require.resolve(`${pkg}/package.json`)) : path.join(__dirname, 'assets');
    const body = readFileSync(path.join(dir, file));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    assets.set(name, { body, contentType, etag });
  }
  assetCache = assets;
  return assets;
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function pageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // GraphiQL's dialogs (react-remove-scroll-bar) inject one <style> element carrying this nonce.
    `style-src 'self' 'nonce-${nonce}'`,
    // graphiql.min.css embeds its fonts and icons as data: URLs.
    "font-src 'self' data:",
    "img-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function renderPage(
  assets: Map<string, Asset>,
  opts: { title: string; graphqlPath: string; defaultQuery: string; nonce: string },
): string {
  // A content hash in the query string busts the one-day browser cache when a package is upgraded.
  const href = (name: string): string => {
    const asset = assets.get(name);
    if (!asset) throw new Error(`unknown IDE asset ${name}`);
    return escapeHtml(`${IDE_ASSET_PREFIX}${name}?v=${asset.etag.slice(1, 11)}`);
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${escapeHtml(opts.title)}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${href('graphiql.min.css')}" />
    <link rel="stylesheet" href="${href('ide.css')}" />
  </head>
  <body>
    <div id="graphiql"><div class="loading">Loading GraphiQL…</div></div>
    <noscript>The GraphQL IDE needs JavaScript. The API itself is at ${escapeHtml(opts.graphqlPath)}.</noscript>
    <script src="${href('react.production.min.js')}"></script>
    <script src="${href('react-dom.production.min.js')}"></script>
    <script src="${href('graphiql.min.js')}"></script>
    <script
      src="${href('bootstrap.js')}"
      nonce="${escapeHtml(opts.nonce)}"
      data-graphql-path="${escapeHtml(opts.graphqlPath)}"
      data-default-query="${escapeHtml(opts.defaultQuery)}"
    ></script>
  </body>
</html>
`;
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer | string,
): void {
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { ...headers, 'content-length': String(buf.length) });
  res.end(req.method === 'HEAD' ? undefined : buf);
}

/** Serves the IDE page at `/` and its assets under `/ide/`; returns false for any other path so the caller handles it. */
export function createIdeHandler(
  options: IdeOptions,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const assets = loadAssets();
  const title = options.title ?? DEFAULT_TITLE;
  const defaultQuery = options.defaultQuery ?? DEFAULT_QUERY;
  const { graphqlPath } = options;

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);

    if (pathname === '/') {
      const nonce = randomBytes(16).toString('base64');
      send(
        req,
        res,
        200,
        {
          'content-type': 'text/html; charset=utf-8',
          // Never cache the page: its CSP nonce is per response.
          'cache-control': 'no-store',
          'content-security-policy': pageCsp(nonce),
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
        },
        renderPage(assets, { title, graphqlPath, defaultQuery, nonce }),
      );
      return true;
    }

    if (!pathname.startsWith(IDE_ASSET_PREFIX)) return false;
    const asset = assets.get(pathname.slice(IDE_ASSET_PREFIX.length));
    if (!asset) return false;

    const headers = {
      'content-type': asset.contentType,
      'cache-control': 'public, max-age=86400',
      etag: asset.etag,
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
    };
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === asset.etag)) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    send(req, res, 200, headers, asset.body);
    return true;
  };
}
