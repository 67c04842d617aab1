import type { Viewer } from '../../platform/auth/viewer';
import { buyAt, errorOf, startSignalsHarness, viewer, type SignalsHarness } from './testHarness';

// signals(first, after, last, before, filter): Relay pages in sequence order, filters, and tier rules.
let h: SignalsHarness;
beforeAll(async () => {
  h = await startSignalsHarness();
});
afterAll(() => h?.stop());

const as = (tier: Viewer['tier']): Viewer => ({ ...viewer('TRADER'), tier });
const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $filter: SignalFilter) {
  signals(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    edges { cursor node { id sequence instrument { symbol } status } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
type Page = {
  signals: {
    edges: { cursor: string; node: { id: string; sequence: string; instrument: { symbol: string } } }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
};
const page = async (variables: Record<string, unknown>, who: Viewer = as('ENTERPRISE')) => {
  const result = await h.run<Page>(PAGE, variables, who);
  expect(result.errors).toBeUndefined();
  return result.data!.signals;
};
const ids = (p: Page['signals']) => p.edges.map((e) => e.node.id);

const published: { id: string; symbol: string }[] = [];
beforeAll(async () => {
  const analyst = viewer('ANALYST');
  // BTC, RELIANCE, BTC, RELIANCE, BTC, BTC
  for (const symbol of ['BTC-USDT', 'NSE:RELIANCE', 'BTC-USDT', 'NSE:RELIANCE', 'BTC-USDT', 'BTC-USDT']) {
    const input = buyAt(symbol === 'BTC-USDT' ? '100.00' : '2000.00', { symbol });
    const result = await h.publish(input, analyst);
    published.push({ id: result.data!.publishSignal.id, symbol });
  }
});

it('pages forward with first/after and back with last/before, cursors being sequences', async () => {
  const first = await page({ first: 4 });
  expect(ids(first)).toEqual(published.slice(0, 4).map((s) => s.id));
  expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  expect(first.pageInfo.endCursor).toBe(first.edges[3]!.node.sequence);
  const rest = await page({ first: 4, after: first.pageInfo.endCursor });
  expect(ids(rest)).toEqual(published.slice(4).map((s) => s.id));
  expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

  const newest = await page({ last: 2 });
  expect(ids(newest)).toEqual(published.slice(4).map((s) => s.id));
  expect(newest.pageInfo).toMatchObject({ hasPreviousPage: true });
  const older = await page({ last: 3, before: newest.pageInfo.startCursor });
  expect(ids(older)).toEqual(published.slice(1, 4).map((s) => s.id));
  // Default without first or last: the newest page.
  expect(ids(await page({}))).toEqual(published.map((s) => s.id));
});

it('filters by instruments, sources, since and status', async () => {
  const btc = published.filter((s) => s.symbol === 'BTC-USDT').map((s) => s.id);
  expect(ids(await page({ filter: { instruments: ['btc-usdt'] } }))).toEqual(btc);
  await h.db.prisma.signal.update({ where: { id: btc[0]! }, data: { status: 'TARGET_HIT' } });
  expect(ids(await page({ filter: { status: ['TARGET_HIT'] } }))).toEqual([btc[0]]);
  expect(ids(await page({ filter: { instruments: ['BTC-USDT'], status: 'ACTIVE' } }))).toEqual(btc.slice(1));
  const [row] = await h.db.prisma.signal.findMany({ where: { id: published[0]!.id } });
  expect(ids(await page({ filter: { sources: [row!.sourceId] } }))).toHaveLength(published.length);
  expect(ids(await page({ filter: { sources: ['00000000-0000-4000-8000-000000000000'] } }))).toEqual([]);
  const future = new Date(Date.now() + 60_000).toISOString();
  expect(ids(await page({ filter: { since: future } }))).toEqual([]);
});

it('applies the tier rules: FREE sees the first 5 of a day, delayed; PREMIUM in real time', async () => {
  // Fresh: FREE sees nothing yet.
  expect(ids(await page({ first: 50 }, as('FREE')))).toEqual([]);
  const twentyMinutesAgo = new Date(Date.now() - 20 * 60_000);
  await h.db.prisma.signal.updateMany({ data: { createdAt: twentyMinutesAgo } });
  const free = await page({ first: 50 }, as('FREE'));
  const ranked = await h.db.prisma.signal.findMany({
    where: { dayIndex: { lte: 5 } },
    orderBy: { sequence: 'asc' },
  });
  expect(ids(free)).toEqual(ranked.map((s) => s.id));
  expect(ids(free)).toHaveLength(5);
  expect(ids(await page({ first: 50 }, as('PREMIUM')))).toHaveLength(published.length);
  // The cap applies to filtered pages and gap recovery too.
  const after = await page({ first: 50, after: '0', filter: { instruments: ['BTC-USDT'] } }, as('FREE'));
  expect(ids(after).every((id) => ranked.some((s) => s.id === id))).toBe(true);
});

it.each([
  ['last', { first: 1, last: 1 }],
  ['first', { first: 0 }],
  ['before', { last: 1, before: 'x' }],
])('rejects bad arguments (%s)', async (field, variables) => {
  expect(errorOf(await h.run(PAGE, variables, as('PREMIUM')))).toMatchObject({
    code: 'BAD_USER_INPUT',
    field,
  });
});
