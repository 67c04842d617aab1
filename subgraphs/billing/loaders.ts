import DataLoader from 'dataloader';
import { byKeys, groupByKeys, isUuid } from '../../platform/loaders';
import type { PrismaClient } from '../../platform/prisma';
import { createCourseRevenueLoader } from './services/courseRevenue';
import type {
  Invoice,
  Payment,
  PaymentOrder,
  Plan,
  Refund,
  Subscription,
} from '../../platform/prisma/generated/client';

/** Loads by uuid keys; anything that is not a uuid cannot match and never reaches Postgres. */
function byIds<V>(load: (ids: string[]) => Promise<V[]>, keyOf: (row: V) => string) {
  return new DataLoader<string, V | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    return byKeys(ids, valid.length ? await load(valid) : [], keyOf);
  });
}

function childrenOf<V>(load: (ids: string[]) => Promise<V[]>, keyOf: (row: V) => string) {
  return new DataLoader<string, V[]>(async (ids) => {
    const valid = ids.filter(isUuid);
    return groupByKeys(ids, valid.length ? await load(valid) : [], keyOf);
  });
}

export function createBillingLoaders(prisma: PrismaClient) {
  const newestFirst = { createdAt: 'desc' } as const;
  return {
    courseRevenueByCourseId: createCourseRevenueLoader(prisma),
    planById: byIds<Plan>(
      (ids) => prisma.plan.findMany({ where: { id: { in: ids } } }),
      (row) => row.id,
    ),
    subscriptionById: byIds<Subscription>(
      (ids) => prisma.subscription.findMany({ where: { id: { in: ids } } }),
      (row) => row.id,
    ),
    subscriptionByUserId: byIds<Subscription>(
      (ids) => prisma.subscription.findMany({ where: { userId: { in: ids } } }),
      (row) => row.userId,
    ),
    orderById: byIds<PaymentOrder>(
      (ids) => prisma.paymentOrder.findMany({ where: { id: { in: ids } } }),
      (row) => row.id,
    ),
    paymentById: byIds<Payment>(
      (ids) => prisma.payment.findMany({ where: { id: { in: ids } } }),
      (row) => row.id,
    ),
    invoiceById: byIds<Invoice>(
      (ids) => prisma.invoice.findMany({ where: { id: { in: ids } } }),
      (row) => row.id,
    ),
    invoiceByPaymentId: byIds<Invoice>(
      (ids) => prisma.invoice.findMany({ where: { paymentId: { in: ids } } }),
      (row) => row.paymentId,
    ),
    paymentsByOrderId: childrenOf<Payment>(
      (ids) => prisma.payment.findMany({ where: { orderId: { in: ids } }, orderBy: newestFirst }),
      (row) => row.orderId,
    ),
    refundsByPaymentId: childrenOf<Refund>(
      (ids) => prisma.refund.findMany({ where: { paymentId: { in: ids } }, orderBy: newestFirst }),
      (row) => row.paymentId,
    ),
    ordersByUserId: childrenOf<PaymentOrder>(
      (ids) => prisma.paymentOrder.findMany({ where: { userId: { in: ids } }, orderBy: newestFirst }),
      (row) => row.userId,
    ),
    invoicesByUserId: childrenOf<Invoice>(
      (ids) => prisma.invoice.findMany({ where: { userId: { in: ids } }, orderBy: { issuedAt: 'desc' } }),
      (row) => row.userId,
    ),
  };
}

export type BillingLoaders = ReturnType<typeof createBillingLoaders>;
