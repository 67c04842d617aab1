import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { foldPortfolioEvents } from '../../subgraphs/trading/services/projectionRebuild';
import { createTradingAnalytics } from '../../subgraphs/trading/services/tradingAnalytics';
import { seedTradingHistory } from './seedTradingHistory';

// The trading part of the demo seed: idempotent, consistent with its own events, and enough for the
// dashboard's charts.
let db: TestDatabase;
const now = new Date('2026-11-22T06:00:00Z');
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('seedTradingHistory', () => {
  it('writes round trips once, whose projections are exactly what their events rebuild', async () => {
    const orders = await seedTradingHistory(db.prisma, now);
    expect(await db.prisma.tradeOrder.count()).toBe(orders);
    await seedTradingHistory(db.prisma, now);
    expect(await db.prisma.tradeOrder.count()).toBe(orders);
    expect(await db.prisma.tradeOrder.count({ where: { status: { not: 'FILLED' } } })).toBe(0);
    expect(await db.prisma.tradingOutboxEvent.count()).toBe(0); // history is not announced live

    for (const portfolio of await db.prisma.portfolio.findMany()) {
      const events = await db.prisma.tradeEvent.findMany({
        where: { portfolioId: portfolio.id },
        orderBy: { sequence: 'asc' },
      });
      const rebuilt = foldPortfolioEvents(events);
      expect(portfolio.cashMinor).toBe(rebuilt.cashMinor);
      const positions = await db.prisma.position.findMany({ where: { portfolioId: portfolio.id } });
      // Every round trip closes: flat positions, realized PnL kept.
      expect(positions.every((p) => p.quantity.isZero())).toBe(true);
      expect(positions.map((p) => p.realizedPnl.toFixed()).sort()).toEqual(
        [...rebuilt.positions.values()].map((p) => p.realizedPnl.toFixed()).sort(),
      );
    }
  });

  it('spreads over the past weeks, with winners and losers', async () => {
    const from = new Date(now.getTime() - 35 * 86_400_000);
    const figures = await createTradingAnalytics(db.prisma).tradingAnalytics(from, now);
    expect(figures.volumeByDay.length).toBeGreaterThan(10);
    expect(figures.activeTraders).toBe(10);
    expect(figures.pnlDistribution).toHaveLength(10);
    expect(Number(figures.pnlDistribution[0]!.lowerBound)).toBeLessThan(0);
    expect(Number(figures.pnlDistribution[9]!.upperBound)).toBeGreaterThan(0);
  });
});
