// Idempotent seed. Reference data in every environment: plans, instruments and a signal source for every
// strategy in code. Development data only when asked (never in production), every user-visible row flagged
// isDemo: demo accounts (with their tiers, subscriptions, portfolios and enrolments), demo courses and
// billing's prices for them, simulated candles, demo signals, and the dashboards' histories.
// Run: `DATABASE_URL=... npm run seed` (NODE_ENV=production: reference data only).
import { createPrismaClient, type PrismaClient } from '../../platform/prisma';
import { courses, plans, utcDayFloor } from './data';
import { seedDemoAccounts } from './seedAccounts';
import { seedCourses } from './seedCourses';
import { seedCoursePrices, seedPlans } from './seedBilling';
import { seedBillingHistory } from './seedBillingHistory';
import { seedIdentityHistory } from './seedIdentityHistory';
import { seedLearningHistory } from './seedLearningHistory';
import { seedDemoMarket, seedInstruments, type MarketResult } from './seedMarket';
import { seedStrategySources } from './seedSignals';
import { seedTradingHistory } from './seedTradingHistory';

export interface SeedOptions {
  /**
   * Load the development data (demo accounts, courses, candles, signals, histories). Never in production:
   * callers pass `NODE_ENV !== 'production'`.
   */
  demoAccounts: boolean;
  /** Clock for subscription periods and the candle anchor; defaults to now. */
  now?: Date;
}

export interface SeedSummary {
  plans: number;
  instruments: number;
  strategySources: number;
  courses: number;
  modules: number;
  lessons: number;
  /** Candles the seed provides, and how many of them this run inserted (the rest existed). */
  candles: number;
  candlesInserted: number;
  signals: number;
  signalsInserted: number;
  users: number;
  enrollments: number;
  durationMs: number;
}

export async function isSeeded(prisma: PrismaClient): Promise<boolean> {
  const count = await prisma.plan.count({ where: { tier: { in: plans.map((p) => p.tier) } } });
  return count === plans.length;
}

const NO_MARKET: MarketResult = { candles: 0, candlesInserted: 0, signals: 0, signalsInserted: 0 };

export async function seed(prisma: PrismaClient, options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const planIds = await seedPlans(prisma);
  const instrumentIds = await seedInstruments(prisma);
  const strategySources = await seedStrategySources(prisma);
  const summary = { plans: planIds.size, instruments: instrumentIds.size, strategySources };
  if (!options.demoAccounts) {
    const none = { courses: 0, modules: 0, lessons: 0, users: 0, enrollments: 0, ...NO_MARKET };
    return { ...summary, ...none, durationMs: Date.now() - started };
  }
  const courseIds = await seedCourses(prisma);
  await seedCoursePrices(prisma, courseIds);
  const market = await seedDemoMarket(prisma, instrumentIds, utcDayFloor(now));
  const demo = await seedDemoAccounts(prisma, planIds, courseIds, now);
  // The dashboards' histories: billing's payments, identity's sign-ups and KYC, learning's enrolments of
  // those users, trading's paper round trips (volume, traders and PnL).
  await seedBillingHistory(prisma, now);
  await seedIdentityHistory(prisma, now);
  await seedLearningHistory(prisma, courseIds, now);
  await seedTradingHistory(prisma, now);
  const modules = courses.flatMap((c) => c.modules);
  return {
    ...summary,
    courses: courseIds.size,
    modules: modules.length,
    lessons: modules.flatMap((m) => m.lessons).length,
    ...market,
    users: demo.users,
    enrollments: demo.enrollments,
    durationMs: Date.now() - started,
  };
}

export function formatSeedSummary(s: SeedSummary): string {
  return (
    `seeded ${s.plans} plans, ${s.instruments} instruments, ${s.strategySources} strategy sources; demo: ` +
    `${s.courses} courses (${s.modules} modules, ${s.lessons} lessons), ${s.candles} candles (${s.candlesInserted} new), ${s.signals} signals ` +
    `(${s.signalsInserted} new), ${s.users} demo users, ${s.enrollments} enrollments in ${s.durationMs} ms`
  );
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('seed: DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/tradeschool)');
    process.exitCode = 1;
    return;
  }
  const demoAccounts = process.env.NODE_ENV !== 'production';
  const prisma = createPrismaClient({ databaseUrl });
  try {
    process.stdout.write(`${formatSeedSummary(await seed(prisma, { demoAccounts }))}\n`);
  } finally {
    await prisma.$disconnect();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('seed failed:', error);
    process.exitCode = 1;
  });
}
