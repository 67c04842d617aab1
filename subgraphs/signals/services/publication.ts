import type { PrismaClient, TransactionClient } from '../../../platform/prisma';
import type {
  Instrument,
  Signal,
  SignalSide,
  SignalSourceKind,
} from '../../../platform/prisma/generated/client';
import { enqueueSignalPublished } from '../events';

export interface SourceRef {
  kind: SignalSourceKind;
  /** The strategy name or the analyst's user id. */
  key: string;
  /** Display name, used when the source is created. */
  name: string;
}

export interface NewSignal {
  instrument: Instrument;
  side: SignalSide;
  strategy: string;
  price: string;
  /** Fraction 0..1 (the API speaks 0..100). */
  confidence: string;
  /** null for strategy-generated signals. */
  authorId: string | null;
  source: SourceRef;
  targetPrice: string | null;
  stopLoss: string | null;
  expiresAt: Date;
  rationale: string | null;
  /** Strategy runs: the candle it came from (unique: a second commit for the same candle fails, P2002). */
  candleKey?: string;
}

/** The source row of a strategy or an analyst, created on first use (concurrent callers get one row). */
export async function sourceIdFor(tx: TransactionClient, source: SourceRef): Promise<string> {
  const row = await tx.signalSource.upsert({
    where: { kind_key: { kind: source.kind, key: source.key } },
    create: source,
    update: {},
    select: { id: true },
  });
  return row.id;
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
    const sourceId = await sourceIdFor(tx, input.source);
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
        sourceId,
        targetPrice: input.targetPrice,
        stopLoss: input.stopLoss,
        expiresAt: input.expiresAt,
        rationale: input.rationale,
        candleKey: input.candleKey ?? null,
      },
    });
    await enqueueSignalPublished(tx, signal, input.instrument, correlationId, {
      id: sourceId,
      kind: input.source.kind,
      key: input.source.key,
    });
    return signal;
  });
}
