// Runs the seed against the real PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth): two fresh
// databases, migrated with `prisma migrate deploy`, dropped afterwards.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { createPrismaClient, type PrismaClient } from '../../platform/prisma';
import { strategies } from '../../subgraphs/signals/strategies/definitions';
import {
  courses,
  DAILY_CANDLES,
  DEMO_ANALYST_NAME,
  demoUserIds,
  demoUsers,
  HOURLY_CANDLES,
  instruments,
  plans,
} from './data';
import { HISTORY_USERS } from './seedIdentityHistory';
import { isSeeded, seed, type SeedSummary } from './index';

const ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
const repoRoot = path.resolve(__dirname, '../..');
const created: string[] = [];
const clients: PrismaClient[] = [];

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database and a client for it. */
async function freshDatabase(): Promise<PrismaClient> {
  return (await freshDatabaseWithUrl()).prisma;
}

async function freshDatabaseWithUrl(): Promise<{ prisma: PrismaClient; databaseUrl: string }> {
  const name = `seed_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  created.push(name);
  const databaseUrl = `postgresql://postgres@127.0.0.1:5432/${name}`;
  execFileSync('bash', ['prisma/prisma.sh', 'migrate', 'deploy'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'pipe',
  });
  const prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
  clients.push(prisma);
  return { prisma, databaseUrl };
}

async function tableCounts(prisma: PrismaClient): Promise<Record<string, number>> {
  const [
    plan,
    user,
    userTier,
    subscription,
    portfolio,
    course,
    courseModule,
    lesson,
    enrollment,
    instrument,
    candle,
    signal,
  ] = await Promise.all([
    prisma.plan.count(),
    prisma.user.count(),
    prisma.userTier.count(),
    prisma.subscription.count(),
    prisma.portfolio.count(),
    prisma.course.count(),
    prisma.module.count(),
    prisma.lesson.count(),
    prisma.enrollment.count(),
    prisma.instrument.count(),
    prisma.candle.count(),
    prisma.signal.count(),
  ]);
  return {
    plan,
    user,
    userTier,
    subscription,
    portfolio,
    course,
    module: courseModule,
    lesson,
    enrollment,
    instrument,
    candle,
    signal,
  };
}

describe('seed', () => {
  let prisma: PrismaClient;
  let first: SeedSummary;
  let second: SeedSummary;
  let countsAfterFirst: Record<string, number>;

  beforeAll(async () => {
    prisma = await freshDatabase();
    expect(await isSeeded(prisma)).toBe(false);
    first = await seed(prisma, { demoAccounts: true });
    countsAfterFirst = await tableCounts(prisma);
    second = await seed(prisma, { demoAccounts: true });
  }, 180_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
    for (const name of created) await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('creates the plans of every tier at every interval, with their prices', async () => {
    expect(await isSeeded(prisma)).toBe(true);
    const monthly = await prisma.plan.findMany({
      where: { interval: 'MONTH' },
      orderBy: { priceMinor: 'asc' },
    });
    expect(monthly.map((p) => [p.tier, p.name, p.priceMinor, p.signalsPerDay, p.apiCallsPerHour])).toEqual([
      ['FREE', 'Free', 0n, 5, 100],
      ['PREMIUM', 'Premium', 299_900n, null, 1_000],
      ['ENTERPRISE', 'Enterprise', 999_900n, null, 10_000],
    ]);
    expect(monthly.map((p) => [p.realtimeSignals, p.signalHistory, p.prioritySupport])).toEqual([
      [false, false, false],
      [true, false, false],
      [true, true, true],
    ]);
    const longer = await prisma.plan.findMany({
      where: { interval: { not: 'MONTH' } },
      orderBy: { priceMinor: 'asc' },
    });
    expect(longer.map((p) => [p.tier, p.interval, p.priceMinor])).toEqual([
      ['PREMIUM', 'QUARTER', 599_700n],
      ['PREMIUM', 'YEAR', 1_198_800n],
      ['ENTERPRISE', 'QUARTER', 2_999_700n],
      ['ENTERPRISE', 'YEAR', 11_998_800n],
    ]);
  });

  it('creates the demo users with their roles, tiers, subscriptions and portfolios', async () => {
    const users = await prisma.user.findMany();
    // The demo accounts and identity's dashboard history (seedIdentityHistory).
    expect(users).toHaveLength(demoUsers.length + HISTORY_USERS);
    const tiers = new Map((await prisma.userTier.findMany()).map((t) => [t.userId, t.tier]));
    const subscriptions = await prisma.subscription.findMany({ include: { plan: true } });
    for (const demo of demoUsers) {
      const user = users.find((u) => u.id === demo.id);
      expect(user).toMatchObject({
        email: demo.email,
        emailNormalized: demo.email,
        kycStatus: demo.kycStatus,
      });
      expect(user?.roles).toEqual(demo.roles);
      expect(tiers.get(demo.id)).toBe(demo.tier);
      const subscription = subscriptions.find((s) => s.userId === demo.id);
      expect(subscription).toMatchObject({ status: 'ACTIVE', plan: { tier: demo.tier } });
      expect(subscription?.currentPeriodEnd === null).toBe(demo.tier === 'FREE');
    }
    expect(users.find((u) => u.email === 'premium@demo.test')?.roles).toEqual(['LEARNER', 'TRADER']);
    expect(users.find((u) => u.email === 'admin@demo.test')?.roles).toEqual(['ADMIN']);
    // The demo users' portfolios are untouched; the seeded trading history has its own traders.
    const portfolios = await prisma.portfolio.findMany({
      where: { userId: { in: demoUsers.map((u) => u.id) } },
    });
    expect(portfolios).toHaveLength(demoUsers.length);
    expect(portfolios.every((p) => p.cashMinor === 100_000_000n && p.currency === 'INR')).toBe(true);
    // Three demo enrolments; the history's belong to its users.
    expect(await prisma.enrollment.count({ where: { userId: { in: demoUsers.map((u) => u.id) } } })).toBe(3);
    expect(await prisma.enrollment.count()).toBeGreaterThan(HISTORY_USERS);
  });

  it('creates courses with modules, lessons and a free first lesson', async () => {
    const rows = await prisma.course.findMany({
      include: { modules: { include: { lessons: true }, orderBy: { position: 'asc' } } },
    });
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.length).toBe(courses.length);
    for (const course of rows) {
      expect(course.modules.length).toBeGreaterThanOrEqual(2);
      const lessons = course.modules.flatMap((m) => m.lessons);
      expect(course.modules.every((m) => m.lessons.length >= 2)).toBe(true);
      expect(lessons.some((l) => l.isFree)).toBe(true);
      expect(course.modules[0]?.lessons.find((l) => l.position === 1)?.isFree).toBe(true);
      if (course.priceMinor === 0n) expect(lessons.every((l) => l.isFree)).toBe(true);
    }
  });

  it('creates consistent daily and hourly candles for every instrument', async () => {
    const rows = await prisma.instrument.findMany({ include: { candles: true } });
    expect(rows.map((i) => i.symbol).sort()).toEqual(instruments.map((i) => i.symbol).sort());
    for (const instrument of rows) {
      expect(instrument.candles.filter((c) => c.interval === '1d')).toHaveLength(DAILY_CANDLES);
      expect(instrument.candles.filter((c) => c.interval === '1h')).toHaveLength(HOURLY_CANDLES);
      for (const c of instrument.candles) {
        expect(c.low.lte(c.open.lessThan(c.close) ? c.open : c.close)).toBe(true);
        expect(c.high.gte(c.open.greaterThan(c.close) ? c.open : c.close)).toBe(true);
        expect(c.low.isPositive() && c.volume.greaterThan(0)).toBe(true);
        expect(c.close.mod(instrument.tickSize).isZero()).toBe(true);
      }
    }
    expect(await prisma.signal.count()).toBeGreaterThanOrEqual(10);
    expect(first.signals).toBe(await prisma.signal.count());
  });

  it('is idempotent: a second run adds nothing', async () => {
    expect(await tableCounts(prisma)).toEqual(countsAfterFirst);
    expect(first.candlesInserted).toBe(first.candles);
    expect(second.candlesInserted).toBe(0);
    expect(second.signalsInserted).toBe(0);
    expect(countsAfterFirst).toMatchObject({
      plan: plans.length,
      user: demoUsers.length + HISTORY_USERS,
      course: courses.length,
    });
  });

  it('flags every development row it writes as demo, and names the demo analyst as one', async () => {
    expect(await prisma.user.count({ where: { isDemo: false } })).toBe(0);
    expect(await prisma.course.count({ where: { isDemo: false } })).toBe(0);
    expect(await prisma.signal.count({ where: { isDemo: false } })).toBe(0);
    const sources = await prisma.signalSource.findMany();
    expect(sources.filter((s) => s.isDemo).map((s) => [s.kind, s.name])).toEqual([
      ['ANALYST', DEMO_ANALYST_NAME],
    ]);
    expect(DEMO_ANALYST_NAME).toMatch(/demo/i);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: demoUserIds.analyst } })).name).toBe(
      DEMO_ANALYST_NAME,
    );
    // Strategy sources are the strategies in code, nothing else.
    expect(
      sources
        .filter((s) => s.kind === 'STRATEGY')
        .map((s) => s.key)
        .sort(),
    ).toEqual(
      Object.values(strategies)
        .map((s) => s.name)
        .sort(),
    );
  });

  it('writes reference data only with production settings (npm run seed, NODE_ENV=production)', async () => {
    const { prisma: bare, databaseUrl } = await freshDatabaseWithUrl();
    const output = execFileSync(path.join(repoRoot, 'node_modules/.bin/tsx'), ['prisma/seed/index.ts'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(output).toContain('0 demo users');
    expect(await tableCounts(bare)).toEqual({
      plan: plans.length,
      user: 0,
      userTier: 0,
      subscription: 0,
      portfolio: 0,
      course: 0,
      module: 0,
      lesson: 0,
      enrollment: 0,
      instrument: instruments.length,
      candle: 0,
      signal: 0,
    });
    // Every other table a demo row could hide in.
    const [coursePrices, orders, payments, tradeOrders, dailyCloses, sources, tradingSources] =
      await Promise.all([
        bare.coursePrice.count(),
        bare.paymentOrder.count(),
        bare.payment.count(),
        bare.tradeOrder.count(),
        bare.tradingDailyClose.count(),
        bare.signalSource.findMany(),
        bare.tradingSignalSource.findMany(),
      ]);
    expect([coursePrices, orders, payments, tradeOrders, dailyCloses]).toEqual([0, 0, 0, 0, 0]);
    // Trading's copy of the sources, so a strategy can be followed before its first signal.
    expect(tradingSources.map((s) => s.id).sort()).toEqual(sources.map((s) => s.id).sort());
    expect(sources.map((s) => [s.kind, s.key, s.isDemo]).sort()).toEqual(
      Object.values(strategies)
        .map((s) => ['STRATEGY', s.name, false])
        .sort(),
    );
  }, 120_000);
});
