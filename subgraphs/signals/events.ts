import { enqueueEvent } from '../../platform/events/outbox';
import { Topics, type SignalPublishedPayload } from '../../platform/events/topics';
import type { TransactionClient } from '../../platform/prisma';
import type { Instrument, Signal } from '../../platform/prisma/generated/client';

/** Announces a signal in the transaction that creates it; keyed by instrument so its signals stay in order. */
export function enqueueSignalPublished(
  tx: TransactionClient,
  signal: Signal,
  instrument: Instrument,
  correlationId: string,
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
      side: signal.side,
      price: signal.price.toString(),
      strategy: signal.strategy,
      authorId: signal.authorId,
    },
    correlationId,
  });
}
