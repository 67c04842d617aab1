import { BadUserInputError } from '../../../platform/errors';
import type { IdentityContext } from '../context';
import { requireRole } from '../../../platform/auth/access';

/** The KYC funnel's steps, in funnel order; users who never applied are NOT_SUBMITTED (NONE in the schema). */
export const KYC_FUNNEL = ['NOT_SUBMITTED', 'PENDING', 'VERIFIED', 'REJECTED', 'EXPIRED'] as const;
const MAX_RANGE_DAYS = 366 * 2;

export interface UserAnalytics {
  totalUsers: number;
  signupsByDay: { day: string; count: number }[];
  kycFunnel: { status: string; count: number }[];
  roleMix: { role: string; count: number }[];
}

/** [from, to) must be a real range of at most two years: every figure below scans it. */
export function analyticsRange(from: Date, to: Date): { from: Date; to: Date } {
  if (!(from < to)) throw new BadUserInputError('from must be before to', 'from');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw new BadUserInputError(`The range may span at most ${MAX_RANGE_DAYS} days`, 'to');
  }
  return { from, to };
}

/**
 * ADMIN dashboard figures, all aggregated in SQL over the created_at index: totalUsers counts every
 * account that existed by `to`; signups, the KYC funnel and the role mix describe the users who
 * signed up in [from, to) (the cohort), the funnel by each user's current KYC status.
 */
export async function userAnalytics(ctx: IdentityContext, from: Date, to: Date): Promise<UserAnalytics> {
  requireRole(ctx.viewer, 'ADMIN');
  const range = analyticsRange(from, to);
  const [totals, days, kyc, roles] = await Promise.all([
    ctx.prisma.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM identity."user" WHERE created_at < ${range.to}`,
    ctx.prisma.$queryRaw<{ day: string; count: number }[]>`
      SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::int AS count
        FROM identity."user"
       WHERE created_at >= ${range.from} AND created_at < ${range.to}
       GROUP BY 1 ORDER BY 1`,
    ctx.prisma.$queryRaw<{ status: string; count: number }[]>`
      SELECT CASE kyc_status WHEN 'NONE' THEN 'NOT_SUBMITTED' ELSE kyc_status::text END AS status,
             count(*)::int AS count
        FROM identity."user"
       WHERE created_at >= ${range.from} AND created_at < ${range.to}
       GROUP BY 1`,
    ctx.prisma.$queryRaw<{ role: string; count: number }[]>`
      SELECT r.role::text AS role, count(*)::int AS count
        FROM identity."user" u CROSS JOIN LATERAL unnest(u.roles) AS r(role)
       WHERE u.created_at >= ${range.from} AND u.created_at < ${range.to}
       GROUP BY 1 ORDER BY 2 DESC, 1`,
  ]);
  const byStatus = new Map(kyc.map((row) => [row.status, row.count]));
  return {
    totalUsers: totals[0]?.total ?? 0,
    signupsByDay: days,
    // Every step is listed, zero included, so the dashboard's funnel keeps its shape.
    kycFunnel: KYC_FUNNEL.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
    roleMix: roles,
  };
}
