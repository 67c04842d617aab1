import { enqueueEvent } from '../../../platform/events/outbox';
import { TradingLiveTopics, type TradingEntityUpdatedPayload } from '../../../platform/events/topics';
import type { TransactionClient } from '../../../platform/prisma';
import type { TradeOrder } from '../../../platform/prisma/generated/client';

/**
 * Announces a committed order change through the outbox (same transaction as the change), so the live
 * `orderUpdated` event exists if and only if the change does. Keyed by user: one user's events stay in order.
 */
export async function announceOrder(tx: TransactionClient, order: TradeOrder): Promise<void> {
  await enqueueEvent<TradingEntityUpdatedPayload>(tx, 'trading', {
    topic: TradingLiveTopics.entityUpdated,
    key: order.userId,
    type: 'OrderUpdated',
    payload: { userId: order.userId, id: order.id, status: order.status, at: new Date().toISOString() },
  });
}

export async function announcePosition(tx: TransactionClient, userId: string, positionId: string) {
  await enqueueEvent<TradingEntityUpdatedPayload>(tx, 'trading', {
    topic: TradingLiveTopics.entityUpdated,
    key: userId,
    type: 'PositionUpdated',
    payload: { userId, id: positionId, at: new Date().toISOString() },
  });
}
