import type { Viewer } from '../../platform/auth/viewer';
import { errorOf, startSignalsHarness, validSignal, viewer, type SignalsHarness } from './testHarness';

let h: SignalsHarness;
beforeAll(async () => {
  h = await startSignalsHarness();
});
afterAll(() => h?.stop());

const as = (tier: Viewer['tier']): Viewer => ({ ...viewer('TRADER'), tier });
const MINUTE = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms);

describe('tier rules on signal history', () => {
  it('FREE: 15 minutes delayed, 7 days, first 5 of a day; PREMIUM: 90 days; ENTERPRISE: everything', async () => {
    const analyst = viewer('ANALYST');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await h.publish(validSignal, analyst)).data!.publishSignal.id);
    const ranks = await h.db.prisma.signal.findMany({
      where: { id: { in: ids } },
      orderBy: { sequence: 'asc' },
    });
    expect(ranks.map((s) => s.dayIndex)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Ages: fresh, 20 minutes, 20 minutes (rank 6: over FREE's cap), 10 days, 100 days.
    const [fresh, settled, , , , overCap, old] = ids as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const ageOf: Record<string, Date> = {
      [settled]: ago(20 * MINUTE),
      [overCap]: ago(20 * MINUTE),
      [ids[2]!]: ago(10 * 86_400_000),
      [old]: ago(100 * 86_400_000),
    };
    for (const [id, createdAt] of Object.entries(ageOf))
      await h.db.prisma.signal.update({ where: { id }, data: { createdAt } });
    const unchanged = ids.filter((id) => !(id in ageOf) && id !== fresh);
    for (const id of unchanged)
      await h.db.prisma.signal.update({ where: { id }, data: { createdAt: ago(MINUTE) } });

    const seen = async (tier: Viewer['tier'] | null) => {
      const result = await h.run<{ signals: { edges: { node: { id: string } }[] } }>(
        '{ signals(last: 50) { edges { node { id } } } }',
        {},
        tier && as(tier),
      );
      return new Set(result.data!.signals.edges.map((e) => e.node.id));
    };
    expect(await seen('FREE')).toEqual(new Set([settled]));
    // Issue 4: anonymous callers get no signals at all (graphql-shield), not FREE's view.
    const anonymous = await h.run('{ signals(last: 50) { edges { cursor } } }');
    expect(errorOf(anonymous)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await seen('PREMIUM')).toEqual(new Set(ids.filter((id) => id !== old)));
    expect(await seen('ENTERPRISE')).toEqual(new Set(ids));

    const one = 'query($id: ID!) { signal(id: $id) { id } }';
    expect((await h.run(one, { id: fresh }, as('FREE'))).data).toEqual({ signal: null });
    expect((await h.run(one, { id: overCap }, as('FREE'))).data).toEqual({ signal: null });
    expect((await h.run(one, { id: fresh }, as('PREMIUM'))).data).toEqual({ signal: { id: fresh } });
    expect((await h.run(one, { id: old }, as('PREMIUM'))).data).toEqual({ signal: null });
  });
});

describe('strategies and backtests', () => {
  const day = (n: number) => new Date(Date.now() - (30 - n) * 86_400_000);
  // ETH: 20 quiet days (99/101), a breakout close at 110 on day 20, then 112, 95, 96.
  const closes = [...Array.from({ length: 20 }, (_, i) => (i % 2 ? 101 : 99)), 110, 112, 95, 96];

  async function seedEth(count: number) {
    await h.db.prisma.candle.deleteMany({ where: { instrumentId: h.eth.id } });
    await h.db.prisma.candle.createMany({
      data: closes.slice(0, count).map((close, i) => {
        const open = i === 0 ? close : closes[i - 1]!;
        return {
          instrumentId: h.eth.id,
          interval: '1d',
          openTime: day(i),
          open,
          high: Math.max(open, close),
          low: Math.min(open, close),
          close,
          volume: 1,
        };
      }),
    });
  }

  it('lists the strategies', async () => {
    const result = await h.run('{ strategies { kind name warmUp } }');
    expect(result.data).toEqual({
      strategies: [
        { kind: 'RSI_MEAN_REVERSION', name: 'rsi-mean-reversion', warmUp: 15 },
        { kind: 'MACD_CROSSOVER', name: 'macd-crossover', warmUp: 34 },
        { kind: 'BOLLINGER_BREAKOUT', name: 'bollinger-breakout', warmUp: 21 },
      ],
    });
  });

  it('runStrategy publishes the signal the latest candle gives, with its outbox event; nothing otherwise', async () => {
    const run = `mutation($input: RunStrategyInput!) { runStrategy(input: $input) { side strategy price author { id } } }`;
    const input = { symbol: 'eth-usdt', strategy: 'BOLLINGER_BREAKOUT' };
    await seedEth(21);
    const before = await h.db.prisma.signalsOutboxEvent.count();
    expect(errorOf(await h.run(run, { input }, viewer('TRADER')))).toMatchObject({ code: 'FORBIDDEN' });
    const result = await h.run(run, { input }, viewer('ANALYST'));
    expect(result.data).toEqual({
      runStrategy: { side: 'BUY', strategy: 'bollinger-breakout', price: '110', author: null },
    });
    const row = await h.db.prisma.signal.findFirstOrThrow({
      where: { strategy: 'bollinger-breakout' },
      include: { source: true },
    });
    // A 2:1 target and stop around the close (ATR-based), an expiry, and the strategy as its source.
    expect(row.targetPrice!.greaterThan(110) && row.stopLoss!.lessThan(110)).toBe(true);
    expect(row.targetPrice!.sub(110).toNumber()).toBeCloseTo(2 * (110 - row.stopLoss!.toNumber()), 1);
    expect(row.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(row.source).toMatchObject({ kind: 'STRATEGY', key: 'bollinger-breakout' });
    expect(await h.db.prisma.signalsOutboxEvent.count()).toBe(before + 1);
    await seedEth(22);
    expect((await h.run(run, { input }, viewer('ANALYST'))).data).toEqual({ runStrategy: null });
  });

  it('backtests over the history the tier may see, filling at the next open', async () => {
    await seedEth(24);
    const query = `query($input: BacktestInput!) { backtest(input: $input) {
      candles trades { entryPrice exitPrice return } totalReturn maxDrawdown winRate instrument { symbol } } }`;
    const input = { symbol: 'ETH-USDT', strategy: 'BOLLINGER_BREAKOUT', feeBps: 0, slippageBps: 0 };
    const full = await h.run<{ backtest: Record<string, unknown> }>(query, { input }, as('ENTERPRISE'));
    expect(full.data?.backtest).toMatchObject({
      candles: 24,
      trades: [{ entryPrice: '110', exitPrice: '95', return: 95 / 110 - 1 }],
      winRate: 0,
      instrument: { symbol: 'ETH-USDT' },
    });
    const free = await h.run<{ backtest: { candles: number } }>(query, { input }, as('FREE'));
    expect(free.data?.backtest.candles).toBeLessThanOrEqual(8);
    expect(errorOf(await h.run(query, { input: { ...input, feeBps: 501 } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'feeBps',
    });
    expect(errorOf(await h.run(query, { input: { ...input, symbol: 'NOPE' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'symbol',
    });
  });
});
