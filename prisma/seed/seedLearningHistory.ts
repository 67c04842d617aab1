// Learning's demo history for the admin dashboard: the history users' enrolments over four weeks, some
// finished, some part-way, some untouched. Fixed ids and skip-duplicates writes keep it idempotent.
import type { PrismaClient } from '../../platform/prisma';
import { HISTORY_USERS, historySignedUpAt, historyUserId } from './seedIdentityHistory';

const DAY_MS = 86_400_000;
const enrollmentId = (n: number) => `f4000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`;

export async function seedLearningHistory(
  prisma: PrismaClient,
  courseIds: Map<string, string>,
  now: Date,
): Promise<number> {
  const courses = await prisma.course.findMany({
    where: { id: { in: [...courseIds.values()] } },
    orderBy: { slug: 'asc' },
    include: {
      modules: { include: { lessons: { where: { required: true }, orderBy: { position: 'asc' } } } },
    },
  });
  if (courses.length === 0) return 0;
  let made = 0;
  for (let i = 0; i < HISTORY_USERS; i += 1) {
    const userId = historyUserId(i);
    // Most take one course, every third a second one a few days later.
    for (let k = 0; k < (i % 3 === 0 ? 2 : 1); k += 1) {
      const n = i * 2 + k;
      const course = courses[(i + k * 2) % courses.length]!;
      const createdAt = new Date(
        Math.min(historySignedUpAt(i, now).getTime() + (k * 4 + 1) * 3_600_000 * 6, now.getTime() - 60_000),
      );
      const required = course.modules.flatMap((module) => module.lessons);
      const at = (ms: number) => new Date(Math.min(createdAt.getTime() + ms, now.getTime()));
      // A quarter finished, a quarter about half-way, the rest not started.
      const done =
        n % 4 === 0 ? required : n % 4 === 1 ? required.slice(0, Math.ceil(required.length / 2)) : [];
      const completed = done.length === required.length && required.length > 0;
      const id = enrollmentId(n);
      await prisma.enrollment.upsert({
        where: { userId_courseId: { userId, courseId: course.id } },
        create: {
          id,
          userId,
          courseId: course.id,
          source: course.priceMinor > 0n ? 'GRANT' : 'FREE',
          status: completed ? 'COMPLETED' : 'ACTIVE',
          createdAt,
          activatedAt: createdAt,
          completedAt: completed ? at(3 * DAY_MS) : null,
        },
        update: {},
      });
      await prisma.lessonProgress.createMany({
        data: done.map((lesson, j) => ({
          enrollmentId: id,
          lessonId: lesson.id,
          userId,
          startedAt: createdAt,
          completedAt: at((j + 1) * 3_600_000),
          watchedSeconds: lesson.durationSeconds,
          positionSeconds: lesson.durationSeconds,
        })),
        skipDuplicates: true,
      });
      made += 1;
    }
  }
  return made;
}
