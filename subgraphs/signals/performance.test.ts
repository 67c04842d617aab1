import type { SignalStatus } from '../../platform/prisma/generated/client';
import { errorOf, startSignalsHarness, viewer, type SignalsHarness } from './testHarness';

// Per-source performance and the admin analytics, computed in SQL, checked against figures computed
// here from the same rows.
let h: SignalsHarness;
beforeAll(async () => {
  h = await startSignalsHarness();
});
afterAll(() => h?.stop());

const DAY = 86_400_000;
const base = Date.UTC(2026, 5, 1);
const at = (days: number) => new Date(base + days * DAY);
type Row = { status: SignalStatus; r: number | null; day: number; strategy: string };

// Closed in `day` order; created a day before closing. HOLD-like rows (EXPIRED, no return) and cancelled
// rows do not count as closed.
const strategyRows: Row[] = [
  { status: 'TARGET_HIT', r: 0.05, day: 1, strategy: 'rsi-mean-reversion' },
  { status: 'STOPPED_OUT', r: -0.02, day: 2, strategy: 'rsi-mean-reversion' },
  { status: 'STOPPED_OUT', r: -0.03, day: 3, strategy: 'rsi-mean-reversion' },
  { status: 'TARGET_HIT', r: 0.04, day: 4, strategy: 'rsi-mean-reversion' },
  { status: 'EXPIRED', r: 0.01, day: 5, strategy: 'rsi-mean-reversion' },
  { status: 'ACTIVE', r: null, day: 6, strategy: 'rsi-mean-reversion' },
];
const analystRows: Row[] = [
  { status: 'TARGET_HIT', r: 0.1, day: 2, strategy: 'discretionary' },
  { status: 'CANCELLED', r: null, day: 3, strategy: 'discretionary' },
  { status: 'EXPIRED', r: null, day: 4, strategy: 'swing' },
];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function expected(rows: Row[]) {
  const closed = rows.filter(
    (row) => row.r !== null && row.status !== 'ACTIVE' && row.status !== 'CANCELLED',
  );
  const returns = closed.map((row) => row.r!);
  if (returns.length === 0)
    return { closedSignals: 0, hitRate: null, averageReturn: null, sharpe: null, maxDrawdown: null };
  const avg = mean(returns);
  const sd = Math.sqrt(returns.reduce((a, r) => a + (r - avg) ** 2, 0) / (returns.length - 1));
  let equity = 1;
  let peak = 1;
  let drawdown = 0;
  for (const r of returns) {
    equity *= 1 + r;
    peak = Math.max(peak, equity);
    drawdown = Math.max(drawdown, 1 - equity / peak);
  }
  return {
    closedSignals: returns.length,
    hitRate: closed.filter((row) => row.status === 'TARGET_HIT').length / returns.length,
    averageReturn: avg,
    sharpe: returns.length > 1 ? avg / sd : null,
    maxDrawdown: drawdown,
  };
}

let sourceIds: string[] = [];
beforeAll(async () => {
  const analystId = viewer('ANALYST').userId;
  const strategy = await h.db.prisma.signalSource.create({
    data: { kind: 'STRATEGY', key: 'rsi-mean-reversion', name: 'RSI mean reversion' },
  });
  const analyst = await h.db.prisma.signalSource.create({
    data: { kind: 'ANALYST', key: analystId, name: 'Kavya Reddy' },
  });
  sourceIds = [strategy.id, analyst.id];
  for (const [source, rows] of [
    [strategy.id, strategyRows],
    [analyst.id, analystRows],
  ] as const) {
    for (const row of rows) {
      await h.db.prisma.signal.create({
        data: {
          instrumentId: h.btc.id,
          side: 'BUY',
          strategy: row.strategy,
          price: '100',
          confidence: '0.5',
          sourceId: source,
          status: row.status,
          realizedReturn: row.r,
          createdAt: at(row.day - 1),
          closedAt: row.status === 'ACTIVE' ? null : at(row.day),
        },
      });
    }
  }
});

const close = (value: number | null) => (value === null ? null : expect.closeTo(value, 10));
const approx = (figures: Record<string, number | null>) =>
  Object.fromEntries(
    Object.entries(figures).map(([k, v]) => [
      k,
      k === 'closedSignals' || k === 'signals' || k === 'closed' ? v : close(v),
    ]),
  );

it('reports hit rate, average return, Sharpe and max drawdown per source', async () => {
  const result = await h.run<{ signalSources: { id: string; kind: string; performance: object }[] }>(
    '{ signalSources { id kind name performance { closedSignals hitRate averageReturn sharpe maxDrawdown } } }',
    {},
    viewer('TRADER'),
  );
  expect(result.errors).toBeUndefined();
  const byId = new Map(result.data!.signalSources.map((s) => [s.id, s.performance]));
  expect(byId.get(sourceIds[0]!)).toEqual(approx(expected(strategyRows)));
  expect(byId.get(sourceIds[1]!)).toEqual(approx(expected(analystRows)));
  expect(expected(strategyRows).maxDrawdown).toBeGreaterThan(0);
});

it('resolves SignalSource references for the gateway', async () => {
  const query = `query($reps: [_Any!]!) { _entities(representations: $reps) {
    ... on SignalSource { name kind analyst { id } performance { closedSignals } } } }`;
  const reps = [sourceIds[0], sourceIds[1], '00000000-0000-4000-8000-000000000000', 'not-a-uuid'].map(
    (id) => ({
      __typename: 'SignalSource',
      id,
    }),
  );
  const result = await h.run<{ _entities: unknown[] }>(query, { reps }, viewer('TRADER'));
  expect(result.data?._entities).toEqual([
    { name: 'RSI mean reversion', kind: 'STRATEGY', analyst: null, performance: { closedSignals: 5 } },
    {
      name: 'Kavya Reddy',
      kind: 'ANALYST',
      analyst: { id: expect.any(String) },
      performance: { closedSignals: 1 },
    },
    null,
    null,
  ]);
});

describe('signalAnalytics', () => {
  const QUERY = `query($from: DateTime!, $to: DateTime!) { signalAnalytics(from: $from, to: $to) {
    bySource { sourceId sourceName signals closed hitRate averageReturn }
    byStrategy { strategy signals closed hitRate averageReturn } } }`;
  // Created on days 1..4 (created the day before closing): days 2..5 closings.
  const range = { from: at(1).toISOString(), to: at(5).toISOString() };
  const inRange = (rows: Row[]) => rows.filter((row) => row.day - 1 >= 1 && row.day - 1 < 5);
  const stat = (rows: Row[]) => {
    const figures = expected(rows);
    return approx({
      signals: rows.length,
      closed: figures.closedSignals,
      hitRate: figures.hitRate,
      averageReturn: figures.averageReturn,
    });
  };

  it('groups the signals generated in [from, to) by source and by strategy', async () => {
    const result = await h.run<{ signalAnalytics: { bySource: object[]; byStrategy: object[] } }>(
      QUERY,
      range,
      viewer('ADMIN'),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.signalAnalytics.bySource).toEqual([
      { sourceId: sourceIds[1], sourceName: 'Kavya Reddy', ...stat(inRange(analystRows)) },
      { sourceId: sourceIds[0], sourceName: 'RSI mean reversion', ...stat(inRange(strategyRows)) },
    ]);
    const all = inRange([...strategyRows, ...analystRows]);
    const strategies = [...new Set(all.map((row) => row.strategy))].sort();
    expect(result.data!.signalAnalytics.byStrategy).toEqual(
      strategies.map((strategy) => ({ strategy, ...stat(all.filter((row) => row.strategy === strategy)) })),
    );
    const analyst = await h.run(QUERY, range, viewer('ANALYST'));
    expect(analyst.errors).toBeUndefined();
  });

  it('is for admins and analysts only, over a valid range', async () => {
    for (const who of [viewer('TRADER'), viewer('LEARNER', 'SUPPORT')])
      expect(errorOf(await h.run(QUERY, range, who))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await h.run(QUERY, range))).toMatchObject({ code: 'UNAUTHENTICATED' });
    const reversed = { from: range.to, to: range.from };
    expect(errorOf(await h.run(QUERY, reversed, viewer('ADMIN')))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
