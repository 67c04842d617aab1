import { BadUserInputError } from '../../../platform/errors';
import { Prisma } from '../../../platform/prisma';
import type { Course } from '../../../platform/prisma/generated/client';
import type { LearningContext } from '../context';
import { requireRole } from '../../../platform/auth/access';

const MAX_RANGE_MS = 732 * 86_400_000;
const MAX_TOP_COURSES = 100;

/** The parent of LearningAnalytics' fields: each field runs its own aggregate over the range. */
export interface AnalyticsRange {
  from: Date;
  to: Date;
}

export interface CourseEnrollmentStat {
  course: Course;
  enrollments: number;
  completions: number;
  completionRate: number;
}

export function learningAnalyticsRange(ctx: LearningContext, from: Date, to: Date): AnalyticsRange {
  requireRole(ctx.viewer, 'ADMIN');
  if (!(from < to)) throw new BadUserInputError('from must be before to', 'from');
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) {
    throw new BadUserInputError('The range may span at most two years', 'to');
  }
  return { from, to };
}

/** The range's enrolments that still stand (a refund cancels one): the cohort every figure describes. */
const cohort = ({ from, to }: AnalyticsRange) => Prisma.sql`
  SELECT e.id, e.course_id, e.status, e.created_at FROM learning.enrollment e
   WHERE e.created_at >= ${from} AND e.created_at < ${to} AND e.status <> 'CANCELLED'`;

export async function enrollmentsByDay(ctx: LearningContext, range: AnalyticsRange) {
  return ctx.prisma.$queryRaw<{ day: string; count: number }[]>`
    SELECT to_char(date_trunc('day', c.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::int AS count
      FROM (${cohort(range)}) c GROUP BY 1 ORDER BY 1`;
}

/**
 * Completion rate and mean progress of the cohort in one query. Progress is completed required lessons
 * over required lessons, per enrolment (1 for a course without required lessons), as courseAnalytics.
 */
export function cohortFigures(ctx: LearningContext, range: AnalyticsRange) {
  // completionRate and averageProgress come from one query, run once per LearningAnalytics object.
  let figures = cohortFiguresOf.get(range);
  if (!figures) cohortFiguresOf.set(range, (figures = queryCohortFigures(ctx, range)));
  return figures;
}

const cohortFiguresOf = new WeakMap<
  AnalyticsRange,
  Promise<{ completionRate: number; averageProgress: number }>
>();

async function queryCohortFigures(ctx: LearningContext, range: AnalyticsRange) {
  const [row] = await ctx.prisma.$queryRaw<{ total: number; completed: number; progress: number | null }[]>`
    WITH c AS (${cohort(range)}),
    required AS (
      SELECT m.course_id, count(*) AS n FROM learning.lesson l JOIN learning.module m ON m.id = l.module_id
       WHERE l.required AND m.course_id IN (SELECT course_id FROM c) GROUP BY m.course_id
    ), done AS (
      SELECT lp.enrollment_id, count(*) AS n FROM learning.lesson_progress lp
        JOIN learning.lesson l ON l.id = lp.lesson_id AND l.required
       WHERE lp.completed_at IS NOT NULL AND lp.enrollment_id IN (SELECT id FROM c) GROUP BY lp.enrollment_id
    )
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE c.status = 'COMPLETED')::int AS completed,
           avg(CASE WHEN coalesce(r.n, 0) = 0 THEN 1.0
                    ELSE least(1.0, coalesce(d.n, 0)::float8 / r.n) END)::float8 AS progress
      FROM c LEFT JOIN required r ON r.course_id = c.course_id LEFT JOIN done d ON d.enrollment_id = c.id`;
  const total = row?.total ?? 0;
  return {
    completionRate: total === 0 ? 0 : (row?.completed ?? 0) / total,
    averageProgress: row?.progress ?? 0,
  };
}

export async function topCourses(
  ctx: LearningContext,
  range: AnalyticsRange,
  first: number,
): Promise<CourseEnrollmentStat[]> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_TOP_COURSES) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_TOP_COURSES}`, 'first');
  }
  const rows = await ctx.prisma.$queryRaw<{ course_id: string; enrollments: number; completions: number }[]>`
    SELECT c.course_id::text AS course_id, count(*)::int AS enrollments,
           count(*) FILTER (WHERE c.status = 'COMPLETED')::int AS completions
      FROM (${cohort(range)}) c
     GROUP BY c.course_id ORDER BY enrollments DESC, c.course_id LIMIT ${first}`;
  const courses = await ctx.loaders.courseById.loadMany(rows.map((row) => row.course_id));
  return rows.flatMap((row, i) => {
    const course = courses[i];
    if (!course || course instanceof Error) return [];
    return [
      {
        course,
        enrollments: row.enrollments,
        completions: row.completions,
        completionRate: row.enrollments === 0 ? 0 : row.completions / row.enrollments,
      },
    ];
  });
}
