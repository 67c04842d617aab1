// Idempotent seed: plans, courses, instruments, candles and signals always; demo accounts (with their
// tiers, subscriptions, portfolios and enrolments) only when asked. Run: `DATABASE_URL=... npm run seed`.
import { createPrismaClient, type PrismaClient } from '../../platform/prisma';
import { courses, instruments, plans, utcDayFloor } from './data';
import { allSeedSignals } from './signalHistory';
import { seedDemoAccounts } from './seedAccounts';
import { seedCourses } from './seedCourses';
import { seedCoursePrices, seedPlans } from './seedBilling';
import { seedBillingHistory } from './seedBillingHistory';
import { seedIdentityHistory } from './seedIdentityHistory';
import { seedLearningHistory } from './seedLearningHistory';
import { seedMarket } from './seedMarket';
import { seedTradingHistory } from './seedTradingHistory';

export interface SeedOptions {
  /** Create the demo accounts (never in production). */
  demoAccounts: boolean;
  /** Clock for subscription periods and the candle anchor; defaults to now. */
  now?: Date;
}

export interface SeedSummary {
  plans: number;
  courses: number;
  modules: number;
  lessons: number;
  instruments: number;
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

export async function seed(prisma: PrismaClient, options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const planIds = await seedPlans(prisma);
  const courseIds = await seedCourses(prisma);
  await seedCoursePrices(prisma, courseIds);
  const market = await seedMarket(prisma, utcDayFloor(now));
  const demo = options.demoAccounts
    ? await seedDemoAccounts(prisma, planIds, courseIds, now)
    : { users: 0, enrollments: 0 };
  // Billing's payment history for the admin dashboard (demo data, never in production).
  if (options.demoAccounts) await seedBillingHistory(prisma, now);
  // Identity's sign-ups and KYC, then learning's enrolments of those users (demo data, never in production).
  if (options.demoAccounts) {
    await seedIdentityHistory(prisma, now);
    await seedLearningHistory(prisma, courseIds, now);
    // Trading's paper round trips of those users (volume, traders and PnL for the dashboard).
    await seedTradingHistory(prisma, now);
  }
  const modules = courses.flatMap((c) => c.modules);
  return {
    plans: planIds.size,
    courses: courseIds.size,
    modules: modules.length,
    lessons: modules.flatMap((m) => m.lessons).length,
    instruments: instruments.length,
    candles: market.candles,
    candlesInserted: market.candlesInserted,
    signals: allSeedSignals.length,
    signalsInserted: market.signalsInserted,
    users: demo.users,
    enrollments: demo.enrollments,
    durationMs: Date.now() - started,
  };
}

export function formatSeedSummary(s: SeedSummary): string {
  return (
    `seeded ${s.plans} plans, ${s.courses} courses (${s.modules} modules, ${s.lessons} lessons), ` +
    `${s.instruments} instruments, ${s.candles} candles (${s.candlesInserted} new), ${s.signals} signals ` +
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
