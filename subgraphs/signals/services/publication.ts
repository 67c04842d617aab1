import type { PrismaClient } from '../../../platform/prisma';
import type { Instrument, Signal, SignalSide } from '../../../platform/prisma/generated/client';
import { enqueueSignalPublished } from '../events';

export interface NewSignal {
  instrument: Instrument;
  side: SignalSide;
  strategy: string;
  price: string;
  confidence: string;
  /** null for strategy-generated signals. */
  authorId: string | null;
}

/**
 * Commits a signal, its rank within its UTC day and its outbox event in one transaction. The day's
 * counter row is locked by the upsert, so concurrent publishers get distinct ranks.
 */
export async function commitSignal(
  prisma: PrismaClient,
  input: NewSignal,
  correlationId: string,
): Promise<Signal> {
  return prisma.$transaction(async (tx) => {
    const [count] = await tx.$queryRaw<{ published: number }[]>`
      INSERT INTO "signals"."signal_daily_count" (day, published)
      VALUES ((now() AT TIME ZONE 'UTC')::date, 1)
      ON CONFLICT (day) DO UPDATE SET published = "signals"."signal_daily_count".published + 1
      RETURNING published`;
    const signal = await tx.signal.create({
      data: {
        instrumentId: input.instrument.id,
        side: input.side,
        strategy: input.strategy,
        price: input.price,
        confidence: input.confidence,
        authorId: input.authorId,
        dayIndex: count?.published ?? 1,
      },
    });
    await enqueueSignalPublished(tx, signal, input.instrument, correlationId);
    return signal;
  });
}
