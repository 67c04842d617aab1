import { createEventConsumer } from '../../platform/events/inbox';
import {
  PaymentTopics,
  type PaymentCapturedPayload,
  type PaymentRefundedPayload,
} from '../../platform/events/topics';
import type { SubgraphDeps } from '../../platform/subgraphModule';
import { enrolPurchase, revokeRefundedPurchase } from './services/purchases';

export const COURSE_ACCESS_CONSUMER = 'learning.course-access';

/** Event types billing writes on the payment topics. */
export const PaymentEventTypes = {
  captured: 'PaymentCaptured',
  refunded: 'PaymentRefunded',
} as const;

/** Paid enrolment: billing's captured and refunded course payments open and close course access. */
export function createCourseAccessConsumer({ infra, logger }: SubgraphDeps, name = COURSE_ACCESS_CONSUMER) {
  const log = logger.child({ consumer: name });
  return createEventConsumer({
    prisma: infra.prisma,
    bus: infra.bus,
    domain: 'learning',
    logger,
    name,
    handlers: {
      [PaymentTopics.paymentCaptured]: {
        [PaymentEventTypes.captured]: (event, tx) =>
          enrolPurchase(tx, { ...event, payload: event.payload as PaymentCapturedPayload }, log),
      },
      [PaymentTopics.paymentRefunded]: {
        [PaymentEventTypes.refunded]: (event, tx) =>
          revokeRefundedPurchase(tx, { ...event, payload: event.payload as PaymentRefundedPayload }, log),
      },
    },
  });
}
