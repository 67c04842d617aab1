// The benchmark's database: a fresh one on the local PostgreSQL, built like the tests build theirs,
// seeded with the demo data plus what the three operations need to be worth measuring.
import { Prisma } from '../../platform/prisma';
import { demoUserIds } from '../../prisma/seed/data';
import { seed } from '../../prisma/seed/index';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';

export const BENCH_COURSES = 100;
const ENROLMENTS = 5;
const POSITIONS = 5;

/** Deterministic uuids per kind, so a bench run is reproducible. */
const benchId = (kind: number, i: number) =>
  `b${kind}000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;

/**
 * 100 extra published courses, each by its own instructor (so the 100-item list resolves 100
 * distinct User entities), and the ENTERPRISE demo user's enrolments and paper positions.
 */
async function seedBenchData(db: TestDatabase): Promise<void> {
  const { prisma } = db;
  const indexes = Array.from({ length: BENCH_COURSES }, (_, i) => i);
  await prisma.user.createMany({
    data: indexes.map((i) => ({
      id: benchId(1, i),
      emailNormalized: `bench-instructor-${i}@bench.test`,
      email: `bench-instructor-${i}@bench.test`,
      name: `Bench Instructor ${i}`,
      passwordHash: 'not-a-login',
      roles: ['INSTRUCTOR' as const],
    })),
  });
  await prisma.course.createMany({
    data: indexes.map((i) => ({
      id: benchId(2, i),
      slug: `bench-course-${i}`,
      title: `Bench course ${i}`,
      summary: `Course ${i} of the gateway benchmark.`,
      level: 'BEGINNER' as const,
      instructorId: benchId(1, i),
      priceMinor: BigInt(i % 2 ? 99_900 : 0),
      status: 'PUBLISHED' as const,
      publishedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
    })),
  });
  await prisma.enrollment.createMany({
    data: indexes.slice(0, ENROLMENTS).map((i) => ({
      id: benchId(3, i),
      userId: demoUserIds.enterprise,
      courseId: benchId(2, i),
      source: 'GRANT' as const,
    })),
  });
  const portfolio = await prisma.portfolio.findUniqueOrThrow({ where: { userId: demoUserIds.enterprise } });
  const instruments = await prisma.instrument.findMany({ orderBy: { symbol: 'asc' }, take: POSITIONS });
  await prisma.position.createMany({
    data: instruments.map((instrument, i) => ({
      portfolioId: portfolio.id,
      instrumentId: instrument.id,
      symbol: instrument.symbol,
      quantity: new Prisma.Decimal(i + 1),
      averagePrice: new Prisma.Decimal(100 + i),
    })),
  });
}

export async function createBenchDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  await seed(db.prisma, { demoAccounts: true });
  await seedBenchData(db);
  return db;
}
