import DataLoader from 'dataloader';
import type { Viewer } from '../../platform/auth/viewer';
import { byKeys, groupByKeys } from '../../platform/loaders';
import type { PrismaClient } from '../../platform/prisma';
import type {
  Assessment,
  Course,
  Enrollment,
  Lesson,
  Module,
  Question,
  VideoAsset,
} from '../../platform/prisma/generated/client';
import { createViewerLoaders } from './viewerLoaders';

// Rows come back unfiltered: who may see them is decided in the services, once for every entry point.
export function createLearningLoaders(prisma: PrismaClient, viewer: Viewer | null) {
  // Children fetched for a parent also answer later lookups by their own id (lesson access walks
  // lesson → module → course), so those cost no extra query.
  const moduleById = new DataLoader<string, Module | null>(async (ids) =>
    byKeys(ids, await prisma.module.findMany({ where: { id: { in: [...ids] } } }), (module) => module.id),
  );
  const lessonById = new DataLoader<string, Lesson | null>(async (ids) =>
    byKeys(ids, await prisma.lesson.findMany({ where: { id: { in: [...ids] } } }), (lesson) => lesson.id),
  );
  const primed = <T extends { id: string }>(loader: DataLoader<string, T | null>, rows: T[]) => {
    for (const row of rows) loader.prime(row.id, row);
    return rows;
  };
  return {
    moduleById,
    lessonById,
    courseById: new DataLoader<string, Course | null>(async (ids) =>
      byKeys(ids, await prisma.course.findMany({ where: { id: { in: [...ids] } } }), (course) => course.id),
    ),
    modulesByCourseId: new DataLoader<string, Module[]>(async (courseIds) =>
      groupByKeys(
        courseIds,
        primed(
          moduleById,
          await prisma.module.findMany({
            where: { courseId: { in: [...courseIds] } },
            orderBy: { position: 'asc' },
          }),
        ),
        (module) => module.courseId,
      ),
    ),
    lessonsByModuleId: new DataLoader<string, Lesson[]>(async (moduleIds) =>
      groupByKeys(
        moduleIds,
        primed(
          lessonById,
          await prisma.lesson.findMany({
            where: { moduleId: { in: [...moduleIds] } },
            orderBy: { position: 'asc' },
          }),
        ),
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
    videoByLessonId: new DataLoader<string, VideoAsset | null>(async (lessonIds) =>
      byKeys(
        lessonIds,
        await prisma.videoAsset.findMany({ where: { lessonId: { in: [...lessonIds] } } }),
        (video) => video.lessonId,
      ),
    ),
    assessmentByLessonId: new DataLoader<string, Assessment | null>(async (lessonIds) =>
      byKeys(
        lessonIds,
        await prisma.assessment.findMany({ where: { lessonId: { in: [...lessonIds] } } }),
        (assessment) => assessment.lessonId,
      ),
    ),
    questionsByAssessmentId: new DataLoader<string, Question[]>(async (assessmentIds) =>
      groupByKeys(
        assessmentIds,
        await prisma.question.findMany({
          where: { assessmentId: { in: [...assessmentIds] } },
          orderBy: { position: 'asc' },
        }),
        (question) => question.assessmentId,
      ),
    ),
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
    ...createViewerLoaders(prisma, viewer),
  };
}

export type LearningLoaders = ReturnType<typeof createLearningLoaders>;
