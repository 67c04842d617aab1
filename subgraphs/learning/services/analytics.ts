import { NotFoundError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { LearningContext } from '../context';
import { assertCanAuthor } from './courseAccess';

export interface CourseFigures {
  courseId: string;
  enrollments: number;
  activeEnrollments: number;
  completedEnrollments: number;
  cancelledEnrollments: number;
  completionRate: number;
  averageProgress: number;
}

interface FigureRow {
  total: number;
  active: number;
  completed: number;
  cancelled: number;
  average_progress: number | null;
}

/** Figures for the instructor of the course and admins; one aggregate query over the enrolments. */
export async function courseAnalytics(ctx: LearningContext, courseId: string): Promise<CourseFigures> {
  const course = isUuid(courseId) ? await ctx.loaders.courseById.load(courseId) : null;
  if (!course) throw new NotFoundError('Course', courseId);
  assertCanAuthor(ctx.viewer, course);
  const [row] = await ctx.prisma.$queryRaw<FigureRow[]>`
    WITH required AS (
      SELECT l.id FROM learning.lesson l JOIN learning.module m ON m.id = l.module_id
       WHERE m.course_id = ${courseId}::uuid AND l.required
    ), per_enrollment AS (
      SELECT e.id, e.status,
             CASE WHEN (SELECT count(*) FROM required) = 0 THEN 1.0
                  ELSE (SELECT count(*) FROM learning.lesson_progress lp
                         WHERE lp.enrollment_id = e.id AND lp.completed_at IS NOT NULL
                           AND lp.lesson_id IN (SELECT id FROM required))::float8
                       / (SELECT count(*) FROM required) END AS progress
        FROM learning.enrollment e WHERE e.course_id = ${courseId}::uuid
    )
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE status = 'ACTIVE')::int AS active,
           count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
           count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled,
           avg(progress) FILTER (WHERE status <> 'CANCELLED')::float8 AS average_progress
      FROM per_enrollment`;
  const active = row?.active ?? 0;
  const completed = row?.completed ?? 0;
  return {
    courseId,
    enrollments: row?.total ?? 0,
    activeEnrollments: active,
    completedEnrollments: completed,
    cancelledEnrollments: row?.cancelled ?? 0,
    completionRate: active + completed === 0 ? 0 : completed / (active + completed),
    averageProgress: row?.average_progress ?? 0,
  };
}
