import type { TransactionClient } from '../../../platform/prisma';
import type { Subscription } from '../../../platform/prisma/generated/client';
import type { SubscriptionEntity } from './razorpayEntities';

/**
 * A subscription authorised to start later (Razorpay start_at: the end of a period already paid for)
 * becomes the one that renews the user's plan: the paid period runs on, and the first charge at
 * start_at continues it. It takes the place of nothing that still renews: no link yet, a halted one,
 * or one cancelled at its cycle end (that is how resumeSubscription continues a cancelled plan).
 */
export async function linkDeferredStart(
  tx: TransactionClient,
  current: Subscription | null,
  entity: SubscriptionEntity,
): Promise<void> {
  if (!current || current.razorpaySubscriptionId === entity.id) return;
  const free = !current.razorpaySubscriptionId || current.status === 'HALTED' || current.cancelAtPeriodEnd;
  if (!free) return;
  await tx.subscription.update({
    where: { id: current.id },
    data: { razorpaySubscriptionId: entity.id, cancelAtPeriodEnd: false, pendingPlanId: null },
  });
}

/**
 * Razorpay ended the linked subscription before the end of the period we hold as paid (cancelled at
 * once while authorised to start later, or while paused): the paid days are kept, the link is dropped
 * and the plan ends at the period's end (runSubscriptionCycle). Returns false when nothing is left
 * paid, and the caller falls back to FREE.
 */
export async function keepPaidPeriod(
  tx: TransactionClient,
  current: Subscription,
  entity: SubscriptionEntity,
): Promise<boolean> {
  const endedAt = (entity.ended_at ?? Math.floor(Date.now() / 1000)) * 1000;
  const paidUntil = current.currentPeriodEnd?.getTime() ?? 0;
  if ((current.status !== 'ACTIVE' && current.status !== 'PAUSED') || paidUntil <= endedAt + 1000)
    return false;
  await tx.subscription.update({
    where: { id: current.id },
    data: { razorpaySubscriptionId: null, cancelAtPeriodEnd: true, pendingPlanId: null },
  });
  return true;
}
