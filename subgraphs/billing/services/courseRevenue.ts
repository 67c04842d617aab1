import DataLoader from 'dataloader';
import type { Viewer } from '../../../platform/auth/viewer';
import { requireRole } from '../../../platform/auth/access';
import { isUuid } from '../../../platform/loaders';
import type { PrismaClient } from '../../../platform/prisma';

/** Billing's half of learning's CourseAnalytics entity: what a course's sales brought in. */
export interface CourseRevenue {
  courseId: string;
  currency: string;
  capturedMinor: bigint;
  refundedMinor: bigint;
  paidOrders: number;
}

interface RevenueRow {
  course_id: string;
  currency: string;
  captured_minor: bigint;
  refunded_minor: bigint;
  paid_orders: bigint;
}

/** One aggregate query for every course asked for in the request (SQL does the sums, not JS). */
export function createCourseRevenueLoader(prisma: PrismaClient) {
  return new DataLoader<string, CourseRevenue>(async (courseIds) => {
    const valid = courseIds.filter(isUuid);
    const rows = valid.length
      ? await prisma.$queryRawUnsafe<RevenueRow[]>(
          `SELECT o.course_id::text AS course_id, p.currency,
                  SUM(p.amount_minor)::bigint AS captured_minor,
                  SUM(p.refunded_minor)::bigint AS refunded_minor,
                  COUNT(DISTINCT o.id)::bigint AS paid_orders
             FROM billing.payment p JOIN billing.payment_order o ON o.id = p.order_id
            WHERE o.purpose = 'COURSE' AND o.course_id = ANY($1::uuid[])
              AND p.status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')
            GROUP BY o.course_id, p.currency`,
          valid,
        )
      : [];
    const byCourse = new Map(rows.map((row) => [row.course_id, row]));
    return courseIds.map((courseId) => {
      const row = byCourse.get(courseId);
      return {
        courseId,
        currency: row?.currency ?? 'INR',
        capturedMinor: row?.captured_minor ?? 0n,
        refundedMinor: row?.refunded_minor ?? 0n,
        paidOrders: Number(row?.paid_orders ?? 0n),
      };
    });
  });
}

/**
 * Learning's courseAnalytics field already admits only the course's instructor and admins; this is
 * the second wall for anything that reaches the entity another way.
 */
export function assertMayReadCourseRevenue(viewer: Viewer | null): void {
  requireRole(viewer, 'ADMIN', 'INSTRUCTOR');
}
