// Billing's seed rows: plans at every interval, and billing's own copy of course prices (learning owns
// courses; billing never reads its tables, so the price list a course order charges lives here).
import type { PrismaClient } from '../../platform/prisma';
import type { Tier } from '../../platform/prisma/generated/enums';
import { courses, plans } from './data';

/** Upserts every plan; returns each tier's monthly plan id (what a demo account subscribes to). */
export async function seedPlans(prisma: PrismaClient): Promise<Map<Tier, string>> {
  const rows = await prisma.$transaction(
    plans.map(({ id, ...plan }) =>
      prisma.plan.upsert({
        where: { tier_interval: { tier: plan.tier, interval: plan.interval } },
        create: { id, ...plan },
        update: plan,
      }),
    ),
  );
  return new Map(rows.filter((p) => p.interval === 'MONTH').map((p) => [p.tier, p.id]));
}

/** Course ids are the seed's fixed ids, so billing's copy matches learning's rows without reading them. */
export async function seedCoursePrices(prisma: PrismaClient, courseIds: Map<string, string>): Promise<void> {
  await prisma.$transaction(
    courses.map((course) => {
      const courseId = courseIds.get(course.slug) ?? course.id;
      const fields = { title: course.title, priceMinor: course.priceMinor, currency: 'INR' };
      return prisma.coursePrice.upsert({
        where: { courseId },
        create: { courseId, ...fields },
        update: fields,
      });
    }),
  );
}
