import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { createLivePubSub, type LivePubSub } from '../platform/pubsub';
import { testGatewaySecret, testLogger } from '../test/support/env';
import { gatewayConfigSchema } from './config';
import { allowedCorsOrigins, DEVELOPMENT_WEB_ORIGIN } from './cors';
import { createGatewayServer, type GatewayServer } from './server';

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
chromiumArgs.push('--disable-component-update', '--disable-sync', '--no-first-run');

/** A page server on its own port: a browser origin of its own (http://127.0.0.1:<port>). */
async function startPageServer(): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>web app</title>'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('CORS_ORIGINS', () => {
  it('takes exact origins and refuses anything with a path or another scheme', () => {
    const parse = (value: string) =>
      gatewayConfigSchema.safeParse({ GATEWAY_SECRET: testGatewaySecret, CORS_ORIGINS: value });
    expect(parse('https://app.example.com, http://localhost:5173').data?.CORS_ORIGINS).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
    expect(parse('https://app.example.com/').success).toBe(false);
    expect(parse('https://app.example.com/login').success).toBe(false);
    expect(parse('ftp://files.example.com').success).toBe(false);
    expect(parse('app.example.com').success).toBe(false);
  });

  it('defaults to the development web app outside production and to nobody in production', () => {
    expect(allowedCorsOrigins({ NODE_ENV: 'development', CORS_ORIGINS: undefined })).toEqual([
      DEVELOPMENT_WEB_ORIGIN,
    ]);
    expect(allowedCorsOrigins({ NODE_ENV: 'production', CORS_ORIGINS: undefined })).toEqual([]);
    expect(allowedCorsOrigins({ NODE_ENV: 'production', CORS_ORIGINS: ['https://a.example'] })).toEqual([
      'https://a.example',
    ]);
  });
});

describe('a web app on another origin', () => {
  let allowedPage: { origin: string; server: Server };
  let otherPage: { origin: string; server: Server };
  let gateway: GatewayServer;
  let pubsub: LivePubSub;
  let graphqlUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    [allowedPage, otherPage] = await Promise.all([startPageServer(), startPageServer()]);
    const config = gatewayConfigSchema.parse({
      GATEWAY_SECRET: testGatewaySecret,
      NODE_ENV: 'production',
      RESPONSE_CACHE: 'off',
      RATE_LIMITS: 'off',
      CORS_ORIGINS: allowedPage.origin,
    });
    pubsub = createLivePubSub(undefined);
    gateway = createGatewayServer(config, testLogger, { pubsub });
    graphqlUrl = await gateway.start(0, '127.0.0.1');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await pubsub?.close();
    for (const page of [allowedPage, otherPage]) page?.server.close();
  });

  it('answers a preflight from a listed origin with 204 and the allowed headers', async () => {
    const res = await fetch(graphqlUrl, {
      method: 'OPTIONS',
      headers: {
        origin: allowedPage.origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowedPage.origin);
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives an unlisted origin no CORS headers', async () => {
    const res = await fetch(graphqlUrl, {
      method: 'OPTIONS',
      headers: { origin: otherPage.origin, 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets Chromium on the listed origin call /graphql, and blocks it on another', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const call = (url: string) =>
        page.evaluate(async (target) => {
          try {
            const res = await fetch(target, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
              body: JSON.stringify({ query: '{ __typename }' }),
            });
            return { status: res.status, body: await res.text() };
          } catch (error) {
            return { blocked: String(error) };
          }
        }, url);
      await page.goto(allowedPage.origin);
      const allowed = await call(graphqlUrl);
      // The request reached the API: its answer (an auth error for the bogus token) is readable.
      expect(allowed).toMatchObject({
        status: expect.any(Number),
        body: expect.stringContaining('"errors"'),
      });
      await page.goto(otherPage.origin);
      expect(await call(graphqlUrl)).toEqual({ blocked: expect.stringContaining('Failed to fetch') });
    } finally {
      await context.close();
    }
  }, 60_000);
});
