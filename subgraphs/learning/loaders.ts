import DataLoader from 'dataloader';
import type { Viewer } from '../../platform/auth/viewer';
import { byKeys, groupByKeys } from '../../platform/loaders';
import type { PrismaClient } from '../../platform/prisma';
import type { Course, Enrollment, Lesson, Module } from '../../platform/prisma/generated/client';

// Rows come back unfiltered: who may see them is decided in the services, once for every entry point.
export function createLearningLoaders(prisma: PrismaClient, _viewer: Viewer | null) {
  return {
    courseById: new DataLoader<string, Course | null>(async (ids) =>
      byKeys(ids, await prisma.course.findMany({ where: { id: { in: [...ids] } } }), (course) => course.id),
    ),
    modulesByCourseId: new DataLoader<string, Module[]>(async (courseIds) =>
      groupByKeys(
        courseIds,
        await prisma.module.findMany({
          where: { courseId: { in: [...courseIds] } },
          orderBy: { position: 'asc' },
        }),
        (module) => module.courseId,
      ),
    ),
    lessonsByModuleId: new DataLoader<string, Lesson[]>(async (moduleIds) =>
      groupByKeys(
        moduleIds,
        await prisma.lesson.findMany({
          where: { moduleId: { in: [...moduleIds] } },
          orderBy: { position: 'asc' },
        }),
        (lesson) => lesson.moduleId,
      ),
    ),
    // Lessons hang off modules, so Prisma's groupBy cannot count them per course.
    lessonCountByCourseId: new DataLoader<string, number>(async (courseIds) => {
      const rows = await prisma.$queryRaw<{ course_id: string; lessons: number }[]>`
        SELECT m.course_id::text AS course_id, count(l.id)::int AS lessons
          FROM "learning"."module" m
          JOIN "learning"."lesson" l ON l.module_id = m.id
         WHERE m.course_id = ANY(${[...courseIds]}::uuid[])
         GROUP BY m.course_id`;
      const counts = new Map(rows.map((row) => [row.course_id, row.lessons]));
      return courseIds.map((id) => counts.get(id) ?? 0);
    }),
    enrollmentsByUserId: new DataLoader<string, Enrollment[]>(async (userIds) =>
      groupByKeys(
        userIds,
        await prisma.enrollment.findMany({
          where: { userId: { in: [...userIds] } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
        (enrollment) => enrollment.userId,
      ),
    ),
  };
}

export type LearningLoaders = ReturnType<typeof createLearningLoaders>;
