import { enqueueEvent } from '../../platform/events/outbox';
import {
  SignalLifecycleTopics,
  Topics,
  type PriceAlertTriggeredPayload,
  type SignalPublishedPayload,
  type SignalSourceRef,
  type SignalUpdatedPayload,
} from '../../platform/events/topics';
import type { TransactionClient } from '../../platform/prisma';
import type { Instrument, Signal } from '../../platform/prisma/generated/client';

/** Announces a signal in the transaction that creates it; keyed by instrument so its signals stay in order. */
export function enqueueSignalPublished(
  tx: TransactionClient,
  signal: Signal,
  instrument: Instrument,
  correlationId: string,
  source?: SignalSourceRef,
): Promise<string> {
  return enqueueEvent<SignalPublishedPayload>(tx, 'signals', {
    topic: Topics.signalPublished,
    key: instrument.id,
    type: 'SignalPublished',
    payload: {
      signalId: signal.id,
      sequence: signal.sequence.toString(),
      instrumentId: instrument.id,
      symbol: instrument.symbol,
      // HOLD and EXIT travel too; trading's copier acts on BUY and SELL only.
      side: signal.side as SignalPublishedPayload['side'],
      price: signal.price.toString(),
      strategy: signal.strategy,
      authorId: signal.authorId,
      ...(source ? { source } : {}),
    },
    correlationId,
  });
}

/** Announces that a signal closed, in the transaction that closed it; same key as its publication. */
export function enqueueSignalUpdated(
  tx: TransactionClient,
  payload: SignalUpdatedPayload,
  correlationId: string | null,
): Promise<string> {
  return enqueueEvent<SignalUpdatedPayload>(tx, 'signals', {
    topic: SignalLifecycleTopics.signalUpdated,
    key: payload.instrumentId,
    type: 'SignalUpdated',
    payload,
    correlationId,
  });
}

export function enqueuePriceAlertTriggered(
  tx: TransactionClient,
  payload: PriceAlertTriggeredPayload,
  correlationId: string | null,
): Promise<string> {
  return enqueueEvent<PriceAlertTriggeredPayload>(tx, 'signals', {
    topic: SignalLifecycleTopics.priceAlertTriggered,
    key: payload.instrumentId,
    type: 'PriceAlertTriggered',
    payload,
    correlationId,
  });
}
