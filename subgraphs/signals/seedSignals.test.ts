import { Prisma } from '../../platform/prisma';
import { utcDayFloor } from '../../prisma/seed/data';
import { seedDemoMarket, seedInstruments } from '../../prisma/seed/seedMarket';
import { demoAnalystSource, strategySources } from '../../prisma/seed/signalHistory';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { strategies } from './strategies/definitions';

// The signals part of the development seed: sources, four weeks of demo history played out on the
// simulated candles.
let db: TestDatabase;
const end = utcDayFloor(new Date());
const seedMarket = async () => seedDemoMarket(db.prisma, await seedInstruments(db.prisma), end);
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

it('seeds sources and a few weeks of demo signals whose outcomes follow their levels, idempotently', async () => {
  const first = await seedMarket();
  expect(first.signalsInserted).toBe(first.signals);
  expect((await seedMarket()).signalsInserted).toBe(0);
  const sources = await db.prisma.signalSource.findMany();
  expect(sources).toHaveLength(strategySources.length + 1);
  // Strategy sources are those of the strategies in code, not demo; the analyst is a named demo.
  expect(
    sources
      .filter((s) => s.kind === 'STRATEGY')
      .map((s) => [s.key, s.isDemo])
      .sort(),
  ).toEqual(
    Object.values(strategies)
      .map((s) => [s.name, false])
      .sort(),
  );
  expect(sources.find((s) => s.kind === 'ANALYST')).toMatchObject({
    isDemo: true,
    name: demoAnalystSource.name,
  });
  expect(demoAnalystSource.name).toMatch(/demo/i);

  const rows = await db.prisma.signal.findMany({ orderBy: { sequence: 'asc' } });
  expect(rows).toHaveLength(first.signals);
  expect(rows.every((row) => row.isDemo)).toBe(true);
  expect(new Set(rows.map((row) => row.strategy))).toEqual(
    new Set([...Object.values(strategies).map((s) => s.name), 'discretionary']),
  );
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
  const legacy = await db.prisma.signal.findFirstOrThrow({ orderBy: { sequence: 'asc' } });
  await db.prisma.signal.update({
    where: { id: legacy.id },
    data: { sourceId: null, status: 'ACTIVE', targetPrice: null, stopLoss: null, closedAt: null },
  });
  await seedMarket();
  const row = await db.prisma.signal.findUniqueOrThrow({ where: { id: legacy.id } });
  expect(row.sourceId).not.toBeNull();
  expect(row.targetPrice).not.toBeNull();
});
