import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ensureAdminBuild } from '../../clients/admin/build';
import { formatCount, formatPaise, lastDays, toPaise } from '../../clients/admin/src/format';
import {
  PublishSignalDocument,
  RevenueAnalyticsDocument,
  SubmitKycDocument,
  type TradeSchoolClient,
} from '../../clients/sdk/src';
import { repoRoot } from '../../platform/topology';
import { DEMO_PASSWORD } from '../../prisma/seed/data';
import { verhoeffValid } from '../../subgraphs/identity/services/kycDocuments';
import { eventually } from '../support/env';
import { startClientsStack, type ClientsStack } from './clientsHarness';

// The admin dashboard in real headless Chromium (Debian's /usr/bin/chromium), served by the gateway
// at /admin/, against the seeded supergraph with trusted documents enforced.
const screenshotPath = path.join(repoRoot, 'test-output', 'dashboard.png');
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A raw GET (fetch would normalise `..` away before sending). */
function rawGet(
  url: string,
  pathname: string,
): Promise<{ status: number; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: pathname }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject).end();
  });
}

function aadhaarNumber(): string {
  const body = `9${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  return body + [...'0123456789'].find((digit) => verhoeffValid(body + digit))!;
}

describe('admin dashboard in Chromium', () => {
  let env: ClientsStack;
  let context: BrowserContext;
  let page: Page;
  let adminUrl: string;
  let analyst: TradeSchoolClient;
  let userDataDir: string;
  const browserErrors: string[] = [];

  beforeAll(async () => {
    ensureAdminBuild();
    env = await startClientsStack();
    adminUrl = env.stack.gatewayUrl.replace(/graphql$/, 'admin/');
    analyst = await env.signedIn('analyst');
    userDataDir = mkdtempSync(path.join(tmpdir(), 'dashboard-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1440, height: 1100 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => void (message.type() === 'error' && browserErrors.push(message.text())));
    page.on('pageerror', (error) => void browserErrors.push(error.message));
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    await env?.stop();
  });

  it('serves the built app under /admin/ with content types, caching and no way out of its folder', async () => {
    const index = await fetch(adminUrl);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const script = /src="(\/admin\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
    const asset = await fetch(new URL(script!, adminUrl));
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // React's production build (minified errors point at the decoder), even though jest runs with
    // NODE_ENV=test: the development build is larger, slower and prints internals to the console.
    expect(await asset.clone().text()).toContain('https://reactjs.org/docs/error-decoder.html?invariant=');
    const revalidated = await fetch(new URL(script!, adminUrl), {
      headers: { 'if-none-match': asset.headers.get('etag')! },
    });
    expect(revalidated.status).toBe(304);

    const clientRoute = await fetch(new URL('kyc', adminUrl));
    expect([clientRoute.status, clientRoute.headers.get('content-type')]).toEqual([
      200,
      'text/html; charset=utf-8',
    ]);
    expect((await fetch(new URL('assets/missing.js', adminUrl))).status).toBe(404);
    expect((await fetch(new URL('.source-hash', adminUrl))).status).toBe(404);
    expect((await fetch(adminUrl, { method: 'POST' })).status).toBe(405);
    for (const escape of [
      '/admin/../package.json',
      '/admin/%2e%2e/package.json',
      '/admin/..%2fpackage.json',
    ]) {
      // Confined to dist/: the repository's package.json is never what comes back.
      const response = await rawGet(adminUrl, escape);
      expect([escape, response.status, response.headers['content-type']]).toEqual([
        escape,
        404,
        'text/plain; charset=utf-8',
      ]);
    }
    expect((await fetch(adminUrl.replace(/\/$/, ''), { redirect: 'manual' })).headers.get('location')).toBe(
      '/admin/',
    );
  });

  it('an admin signs in and sees KPI cards and charts drawn from the seeded data', async () => {
    await page.goto(adminUrl);
    await page.fill('input[name=email]', 'admin@demo.test');
    await page.fill('input[name=password]', DEMO_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=viewer]');
    expect(await page.textContent('[data-testid=viewer]')).toContain('Ananya Gupta');

    const range = lastDays(30);
    const users = await env.db.prisma.user.count();
    const enrolments = await env.db.prisma.enrollment.count({
      where: {
        createdAt: { gte: new Date(range.from), lt: new Date(range.to) },
        status: { not: 'CANCELLED' },
      },
    });
    /** A KPI card's figure, once its query has answered (it shows "—" until then). */
    const kpi = async (id: string) => {
      const value = page.locator(`[data-kpi=${id}] .kpi-value`).filter({ hasNotText: '—' });
      await value.waitFor();
      return value.textContent();
    };
    expect(await kpi('users')).toBe(formatCount(users));
    expect(await kpi('enrolments')).toBe(formatCount(enrolments));

    // Revenue: the same figures the API gives an admin, summed exactly in paise.
    const admin = await env.signedIn('admin');
    const { revenueAnalytics } = await admin.request(RevenueAnalyticsDocument, {
      from: range.from,
      to: range.to,
    });
    const net = revenueAnalytics.byDay.reduce((total, day) => total + toPaise(day.net.amount), 0n);
    expect(await kpi('revenue')).toBe(formatPaise(net));
    expect(await kpi('mrr')).toBe(formatPaise(toPaise(revenueAnalytics.mrr.amount)));

    for (const chart of ['revenue', 'signups', 'enrolments', 'volume']) {
      await page.waitForSelector(`[data-chart=${chart}] canvas`);
      const box = await page.locator(`[data-chart=${chart}] canvas`).first().boundingBox();
      expect(box?.width).toBeGreaterThan(200);
    }
    const planRows = await page.locator('[data-table=revenue-by-plan] tbody tr').count();
    expect(planRows).toBe(Math.min(5, Math.max(1, revenueAnalytics.byPlan.length)));
  });

  it('shows a signal published during the test arriving live, and saves a screenshot', async () => {
    await page.waitForSelector('[data-testid=live-signals] .status.live');
    const published: string[] = [];
    const arrived = await eventually(
      async () => {
        const { publishSignal } = await analyst.request(PublishSignalDocument, {
          input: {
            symbol: 'ETH-USDT',
            side: 'SELL',
            strategy: 'dashboard-e2e',
            entryPrice: '3200.00',
            targetPrice: '3000.00',
            stopLoss: '3300.00',
            confidence: 64,
          },
        });
        published.push(publishSignal.id);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const fresh = await page
          .locator('[data-testid=live-signals] li.fresh')
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-signal-id')));
        return fresh.length > 0 ? fresh : undefined;
      },
      30_000,
      'a live signal in the page',
    );
    expect(published).toEqual(expect.arrayContaining(arrived));
    const item = page.locator(`[data-signal-id="${arrived[0]}"]`);
    expect(await item.textContent()).toContain('ETH-USDT');
    mkdirSync(path.dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: true });
  });

  it('approves a KYC application from the review queue', async () => {
    const applicant = await env.signedIn('free');
    const { submitKyc } = await applicant.request(SubmitKycDocument, {
      input: { pan: 'ABCPE1234F', aadhaar: aadhaarNumber() },
    });
    await page.click('nav >> text=KYC queue');
    expect(new URL(page.url()).pathname).toBe('/admin/kyc');
    const row = page.locator(`[data-kyc-id="${submitKyc.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('XXXXX1234X');
    await page.screenshot({ path: screenshotPath.replace(/\.png$/, '-kyc.png') });
    await row.locator('button', { hasText: 'Approve' }).click();
    await row.waitFor({ state: 'detached' });
    const stored = await env.db.prisma.kycSubmission.findUniqueOrThrow({ where: { id: submitKyc.id } });
    expect(stored.status).toBe('VERIFIED');
  });

  it('gives an analyst the signals view only', async () => {
    // A new tab: the session lives in sessionStorage, per tab.
    const tab = await context.newPage();
    tab.on('pageerror', (error) => void browserErrors.push(error.message));
    await tab.goto(adminUrl);
    await tab.fill('input[name=email]', 'analyst@demo.test');
    await tab.fill('input[name=password]', DEMO_PASSWORD);
    await tab.click('button[type=submit]');
    await tab.waitForSelector('[data-table=signal-sources] tbody tr');
    expect(await tab.locator('nav a').allTextContents()).toEqual(['Signals']);
    expect(new URL(tab.url()).pathname).toBe('/admin/');
    await tab.close();
    expect(browserErrors).toEqual([]);
  });
});
