import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createIdeHandler } from './index';

let server: Server;
let base: string;
const unhandled: string[] = [];

beforeAll(async () => {
  const ide = createIdeHandler({ graphqlPath: '/graphql', title: 'Test <IDE>' });
  server = createServer((req, res) => {
    if (ide(req, res)) return;
    unhandled.push(`${req.method} ${req.url}`);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
});

beforeEach(() => {
  unhandled.length = 0;
});

async function page(): Promise<{ res: Response; html: string }> {
  const res = await fetch(`${base}/`);
  return { res, html: await res.text() };
}

function assetRefs(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

describe('IDE page', () => {
  it('serves an HTML page at / that only references /ide/ assets', async () => {
    const { res, html } = await page();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<title>Test &lt;IDE&gt;</title>');
    expect(html).toContain('data-graphql-path="/graphql"');

    const refs = assetRefs(html).filter((ref) => ref !== 'data:,');
    expect(refs.length).toBeGreaterThanOrEqual(5);
    for (const ref of refs) expect(ref).toMatch(/^\/ide\//);
    // No URL of any external host anywhere in the page.
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/src="\/\/|href="\/\//);
    // No inline script: every <script> has a src.
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc="/);
  });

  it('sets a strict Content-Security-Policy with a fresh nonce per response', async () => {
    const { res, html } = await page();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self' ws: wss:");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`nonce="${nonce}"`);
    const second = await page();
    expect(second.res.headers.get('content-security-policy')).not.toBe(csp);
  });

  it('serves every referenced asset with the right content type and caching headers', async () => {
    const { html } = await page();
    const refs = assetRefs(html).filter((ref) => ref.startsWith('/ide/'));
    const minSize: Record<string, number> = {
      'react.production.min.js': 5_000,
      'react-dom.production.min.js': 100_000,
      'graphiql.min.js': 500_000,
      'graphiql.min.css': 100_000,
      'ide.css': 50,
      'bootstrap.js': 300,
    };
    expect(refs.map((ref) => ref.slice('/ide/'.length).split('?')[0]).sort()).toEqual(
      Object.keys(minSize).sort(),
    );
    for (const ref of refs) {
      const res = await fetch(`${base}${ref}`);
      const body = Buffer.from(await res.arrayBuffer());
      const name = ref.slice('/ide/'.length).split('?')[0]!;
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(
        name.endsWith('.css') ? /^text\/css/ : /^text\/javascript/,
      );
      expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
      expect(body.length).toBeGreaterThan(minSize[name]!);
      expect(Number(res.headers.get('content-length'))).toBe(body.length);

      const etag = res.headers.get('etag');
      expect(etag).toBeTruthy();
      const cached = await fetch(`${base}${ref}`, { headers: { 'if-none-match': etag! } });
      expect(cached.status).toBe(304);
    }
  });

  it('answers HEAD without a body', async () => {
    const res = await fetch(`${base}/ide/graphiql.min.css`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(100_000);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('leaves unknown paths to the caller', async () => {
    for (const path of [
      '/graphql',
      '/ide/',
      '/ide/nope.js',
      '/ide/../package.json',
      '/favicon.ico',
      '/index.html',
    ]) {
      const res = await fetch(`${base}${path}`);
      await res.text();
      expect(res.status).toBe(404);
    }
    expect(unhandled).toHaveLength(6);
  });

  it('does not handle POST / (or other non-GET methods)', async () => {
    const post = await fetch(`${base}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    await post.text();
    expect(post.status).toBe(404);
    const put = await fetch(`${base}/ide/bootstrap.js`, { method: 'PUT', body: 'x' });
    await put.text();
    expect(put.status).toBe(404);
    expect(unhandled).toEqual(['POST /', 'PUT /ide/bootstrap.js']);
  });

  it('returns false directly for paths it does not own', () => {
    const ide = createIdeHandler({ graphqlPath: '/graphql' });
    const req = { method: 'GET', url: '/graphql?query={x}', headers: {} } as unknown as Parameters<
      typeof ide
    >[0];
    const res = {} as Parameters<typeof ide>[1];
    expect(ide(req, res)).toBe(false);
  });
});
