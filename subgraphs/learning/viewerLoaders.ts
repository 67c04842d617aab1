import DataLoader from 'dataloader';
import type { Viewer } from '../../platform/auth/viewer';
import { byKeys, groupByKeys } from '../../platform/loaders';
import type { PrismaClient } from '../../platform/prisma';
import type {
  AssessmentAttempt,
  AssignmentSubmission,
  Certificate,
  Enrollment,
  LessonProgress,
} from '../../platform/prisma/generated/client';

export interface EnrollmentCounts {
  required: number;
  completed: number;
}

/** Loaders for the signed-in viewer's own rows, plus per-enrolment aggregates; empty for anonymous callers. */
export function createViewerLoaders(prisma: PrismaClient, viewer: Viewer | null) {
  const userId = viewer?.userId ?? null;
  return {
    viewerEnrollmentByCourseId: new DataLoader<string, Enrollment | null>(async (courseIds) =>
      userId
        ? byKeys(
            courseIds,
            await prisma.enrollment.findMany({ where: { userId, courseId: { in: [...courseIds] } } }),
            (enrollment) => enrollment.courseId,
          )
        : courseIds.map(() => null),
    ),
    viewerProgressByLessonId: new DataLoader<string, LessonProgress | null>(async (lessonIds) =>
      userId
        ? byKeys(
            lessonIds,
            await prisma.lessonProgress.findMany({ where: { userId, lessonId: { in: [...lessonIds] } } }),
            (progress) => progress.lessonId,
          )
        : lessonIds.map(() => null),
    ),
    viewerSubmissionByLessonId: new DataLoader<string, AssignmentSubmission | null>(async (lessonIds) =>
      userId
        ? byKeys(
            lessonIds,
            await prisma.assignmentSubmission.findMany({
              where: { userId, lessonId: { in: [...lessonIds] } },
            }),
            (submission) => submission.lessonId,
          )
        : lessonIds.map(() => null),
    ),
    viewerAttemptsByAssessmentId: new DataLoader<string, AssessmentAttempt[]>(async (assessmentIds) =>
      userId
        ? groupByKeys(
            assessmentIds,
            await prisma.assessmentAttempt.findMany({
              where: { userId, assessmentId: { in: [...assessmentIds] } },
              orderBy: { number: 'asc' },
            }),
            (attempt) => attempt.assessmentId,
          )
        : assessmentIds.map(() => []),
    ),
    /** Required lessons of the enrolment's course and how many of them it has completed. */
    countsByEnrollmentId: new DataLoader<string, EnrollmentCounts>(async (enrollmentIds) => {
      const rows = await prisma.$queryRaw<{ id: string; required: number; completed: number }[]>`
        SELECT e.id::text AS id,
               count(l.id)::int AS required,
               count(lp.completed_at)::int AS completed
          FROM learning.enrollment e
          JOIN learning.module m ON m.course_id = e.course_id
          JOIN learning.lesson l ON l.module_id = m.id AND l.required
          LEFT JOIN learning.lesson_progress lp ON lp.enrollment_id = e.id AND lp.lesson_id = l.id
         WHERE e.id = ANY(${[...enrollmentIds]}::uuid[])
         GROUP BY e.id`;
      const found = new Map(
        rows.map((row) => [row.id, { required: row.required, completed: row.completed }]),
      );
      return enrollmentIds.map((id) => found.get(id) ?? { required: 0, completed: 0 });
    }),
    certificateByEnrollmentId: new DataLoader<string, Certificate | null>(async (enrollmentIds) =>
      byKeys(
        enrollmentIds,
        await prisma.certificate.findMany({ where: { enrollmentId: { in: [...enrollmentIds] } } }),
        (certificate) => certificate.enrollmentId,
      ),
    ),
    certificatesByUserId: new DataLoader<string, Certificate[]>(async (userIds) =>
      groupByKeys(
        userIds,
        await prisma.certificate.findMany({
          where: { userId: { in: [...userIds] } },
          orderBy: { issuedAt: 'desc' },
        }),
        (certificate) => certificate.userId,
      ),
    ),
  };
}
