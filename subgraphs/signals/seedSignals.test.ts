import { Prisma } from '../../platform/prisma';
import { utcDayFloor } from '../../prisma/seed/data';
import { seedMarket } from '../../prisma/seed/seedMarket';
import { allSeedSignals, signalSources } from '../../prisma/seed/signalHistory';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';

// The signals part of the seed: sources, four weeks of history played out on the seeded candles.
let db: TestDatabase;
const end = utcDayFloor(new Date());
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

it('seeds sources and a few weeks of signals whose outcomes follow their levels, idempotently', async () => {
  const first = await seedMarket(db.prisma, end);
  expect(first.signalsInserted).toBe(allSeedSignals.length);
  expect((await seedMarket(db.prisma, end)).signalsInserted).toBe(0);
  expect(await db.prisma.signalSource.count()).toBe(signalSources.length);

  const rows = await db.prisma.signal.findMany({ orderBy: { sequence: 'asc' } });
  expect(rows).toHaveLength(allSeedSignals.length);
  expect(rows.every((row) => row.sourceId !== null && row.targetPrice && row.stopLoss)).toBe(true);
  const spanDays = (end.getTime() - rows[0]!.createdAt.getTime()) / 86_400_000;
  expect(spanDays).toBeGreaterThanOrEqual(21);
  const statuses = new Set(rows.map((row) => row.status));
  for (const status of ['TARGET_HIT', 'STOPPED_OUT', 'EXPIRED'] as const) expect(statuses).toContain(status);

  for (const row of rows.filter((r) => r.status !== 'ACTIVE')) {
    const entry = row.price;
    const up = row.side === 'BUY' ? 1 : -1;
    if (row.status === 'TARGET_HIT') expect(row.closePrice).toEqual(row.targetPrice);
    if (row.status === 'STOPPED_OUT') expect(row.closePrice).toEqual(row.stopLoss);
    const expected = new Prisma.Decimal(row.closePrice!).sub(entry).div(entry).mul(up).toNumber();
    expect(row.realizedReturn).toBeCloseTo(expected, 12);
    // BUY: stop < entry < target; SELL the reverse.
    expect(row.targetPrice!.sub(entry).mul(up).isPositive()).toBe(true);
    expect(row.stopLoss!.sub(entry).mul(up).isNegative()).toBe(true);
  }
  const analyst = rows.filter((row) => row.strategy === 'discretionary');
  expect(analyst.length).toBeGreaterThan(0);
  expect(analyst.every((row) => row.authorId !== null)).toBe(true);
  expect(rows.filter((row) => row.strategy !== 'discretionary').every((row) => row.authorId === null)).toBe(
    true,
  );
});

it('fills in the lifecycle of seeded signals stored before sources existed', async () => {
  const [legacy] = allSeedSignals;
  await db.prisma.signal.update({
    where: { id: legacy!.id },
    data: { sourceId: null, status: 'ACTIVE', targetPrice: null, stopLoss: null, closedAt: null },
  });
  await seedMarket(db.prisma, end);
  const row = await db.prisma.signal.findUniqueOrThrow({ where: { id: legacy!.id } });
  expect(row.sourceId).not.toBeNull();
  expect(row.targetPrice).not.toBeNull();
});
