import type { ClientInfo } from '../../../platform/auth/viewer';
import { enqueueEvent } from '../../../platform/events/outbox';
import {
  IdentityTopics,
  type SecurityEventPayload,
  type SecurityEventType,
} from '../../../platform/events/topics';
import type { PrismaClient, TransactionClient } from '../../../platform/prisma';

export interface SecurityEventInput {
  type: SecurityEventType;
  userId: string | null;
  /** Who did it when not the user (an admin granting a role, a reviewer deciding KYC). */
  actorId?: string | null;
  client: ClientInfo | null;
  details?: Record<string, string | number | boolean | null>;
  correlationId: string;
}

/**
 * The audit row and its Kafka announcement commit together (outbox): a security event is never
 * recorded without being published, nor published without being recorded.
 */
export async function recordSecurityEvent(tx: TransactionClient, event: SecurityEventInput): Promise<void> {
  const row = await tx.securityEvent.create({
    data: {
      userId: event.userId,
      actorId: event.actorId ?? null,
      type: event.type,
      ip: event.client?.ip ?? null,
      userAgent: event.client?.userAgent ?? null,
      details: event.details ?? {},
    },
  });
  await enqueueEvent<SecurityEventPayload>(tx, 'identity', {
    topic: IdentityTopics.security,
    key: event.userId ?? 'anonymous',
    type: event.type,
    payload: {
      securityEventId: row.id,
      type: event.type,
      userId: event.userId,
      actorId: event.actorId ?? null,
      ip: row.ip,
      details: event.details ?? {},
      occurredAt: row.createdAt.toISOString(),
    },
    correlationId: event.correlationId,
  });
}

/** For events that are the whole change (a failed login): their own short transaction. */
export function recordSecurityEventNow(prisma: PrismaClient, event: SecurityEventInput): Promise<void> {
  return prisma.$transaction((tx) => recordSecurityEvent(tx, event));
}
