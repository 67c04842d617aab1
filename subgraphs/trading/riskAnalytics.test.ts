import { randomUUID } from 'node:crypto';
import { codeOf, startTrading, viewer, type TradingHarness } from './testHarness';

const RISK = `query($input: PortfolioRiskInput) { portfolioRisk(input: $input) {
  symbols historicalVaR95 historicalVaR99 parametricVaR95 parametricVaR99 sharpeRatio sortinoRatio maxDrawdown
  correlation monteCarlo { p5 p50 p95 } } }`;
const SIZE = `query($input: PositionSizeInput!) { positionSizeSuggestion(input: $input) {
  fixedFractionalQuantity kellyFraction kellyQuantity } }`;

let trading: TradingHarness;
beforeAll(async () => {
  trading = await startTrading();
});
afterAll(async () => {
  await trading?.stop();
});

describe('risk analytics queries', () => {
  const me = viewer('TRADER');

  it("defaults to the viewer's holdings on trading's daily closes (the last tick of each UTC day)", async () => {
    const holder = viewer('TRADER');
    const at = (day: number, hour: number) => new Date(Date.UTC(2026, 0, day, hour)).toISOString();
    const a = [100, 110, 99, 120];
    const b = [50, 45, 49.5, 40];
    for (const [i, day] of [1, 2, 3, 4].entries()) {
      await trading.tick('RISKA-USDT', String(a[i]! * 2), undefined, { at: at(day, 9) });
      await trading.tick('RISKA-USDT', String(a[i]), undefined, { at: at(day, 23) });
      await trading.tick('RISKB-USDT', String(b[i]), undefined, { at: at(day, 12) });
    }
    // Redelivered after the day's last tick: it must not become the close.
    await trading.tick('RISKA-USDT', '1', undefined, { at: at(4, 10) });
    expect(codeOf(await trading.run(RISK, { input: {} }, holder))).toBe('BAD_USER_INPUT');
    const portfolio = await trading.prisma.portfolio.create({
      data: { userId: holder.userId, cashMinor: 0n },
    });
    const position = (symbol: string, quantity: string) => ({
      portfolioId: portfolio.id,
      instrumentId: randomUUID(),
      symbol,
      quantity,
      averagePrice: '1',
    });
    await trading.prisma.position.createMany({
      data: [position('RISKA-USDT', '3'), position('RISKB-USDT', '3')],
    });
    const mine = await trading.run<{ portfolioRisk: Record<string, unknown> }>(
      RISK,
      { input: { paths: 200 } },
      holder,
    );
    expect(mine.errors).toBeUndefined();
    // 3 × 120 and 3 × 40 at the last close: weights 0.75 and 0.25 of the gross value.
    const explicit = await trading.run(
      RISK,
      {
        input: {
          series: [
            { symbol: 'RISKA-USDT', closes: a },
            { symbol: 'RISKB-USDT', closes: b },
          ],
          weights: [0.75, 0.25],
          paths: 200,
        },
      },
      holder,
    );
    expect(mine.data).toEqual(explicit.data);
    expect(mine.data!.portfolioRisk.symbols).toEqual(['RISKA-USDT', 'RISKB-USDT']);
  });

  it('reports VaR, ratios, drawdown, correlation and a reproducible Monte Carlo for a weighted portfolio', async () => {
    const input = {
      series: [
        { symbol: 'A', closes: [100, 110, 99, 120, 60, 130] },
        { symbol: 'B', closes: [50, 45, 49.5, 40, 80, 35] },
      ],
      weights: [1, 0],
      paths: 500,
      seed: 3,
    };
    const result = await trading.run<{ portfolioRisk: Record<string, unknown> }>(RISK, { input }, me);
    expect(result.errors).toBeUndefined();
    const report = result.data!.portfolioRisk;
    expect(report).toMatchObject({ symbols: ['A', 'B'], maxDrawdown: 0.5, historicalVaR95: 0.5 });
    const [[aa, ab], [ba, bb]] = report.correlation as [number[], number[]];
    expect(aa).toBeCloseTo(1, 12);
    expect(bb).toBeCloseTo(1, 12);
    expect(ab).toBe(ba);
    expect(ab).toBeLessThan(-0.8); // B moves against A
    expect((await trading.run(RISK, { input }, me)).data).toEqual(result.data);
  });

  it('validates the series and needs a viewer', async () => {
    const bad = await trading.run(RISK, { input: { series: [{ symbol: 'A', closes: [1, -2, 3] }] } }, me);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'closes' });
    const huge = await trading.run(
      RISK,
      { input: { series: [{ symbol: 'A', closes: [1, 2, 3] }], paths: 1e6 } },
      me,
    );
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'paths' });
    expect(codeOf(await trading.run(RISK, { input: { series: [{ symbol: 'A', closes: [1, 2, 3] }] } }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('suggests position sizes', async () => {
    const input = {
      equity: 100000,
      riskFraction: 0.01,
      entryPrice: 1000,
      stopPrice: 950,
      winRate: 0.6,
      winLossRatio: 2,
    };
    expect((await trading.run(SIZE, { input }, me)).data).toEqual({
      positionSizeSuggestion: { fixedFractionalQuantity: 20, kellyFraction: 0.25, kellyQuantity: 25 },
    });
  });
});
