import type { MarketTickPayload, SignalUpdatedPayload } from '../../../platform/events/topics';
import type { Prisma, PrismaClient, TransactionClient } from '../../../platform/prisma';
import { isUuid } from '../../../platform/loaders';
import { isStaleTick } from '../../../platform/events/marketTick';
import { enqueuePriceAlertTriggered, enqueueSignalUpdated } from '../events';

const SOURCES = new Set(['BINANCE', 'KITE', 'SIMULATED']);
const DECIMAL = /^\d{1,20}(\.\d{1,10})?$/;
const quote = (value: string | null | undefined) => (value && DECIMAL.test(value) ? value : null);

interface ClosedRow {
  id: string;
  sequence: bigint;
  instrumentId: string;
  symbol: string;
  status: SignalUpdatedPayload['status'];
  closePrice: Prisma.Decimal | null;
  realizedReturn: number | null;
  closedAt: Date;
}

interface TriggeredRow {
  id: string;
  userId: string;
  direction: 'ABOVE' | 'BELOW';
  price: Prisma.Decimal;
}

/** The outbox event of each signal a statement closed. */
async function announceClosed(tx: TransactionClient, rows: ClosedRow[], correlationId: string | null) {
  for (const row of rows) {
    await enqueueSignalUpdated(
      tx,
      {
        signalId: row.id,
        sequence: row.sequence.toString(),
        instrumentId: row.instrumentId,
        symbol: row.symbol,
        status: row.status,
        closePrice: row.closePrice?.toString() ?? null,
        realizedReturn: row.realizedReturn,
        closedAt: row.closedAt.toISOString(),
      },
      correlationId,
    );
  }
}

export interface TickOutcome {
  closed: string[];
  triggered: string[];
}

/**
 * Applies one tick: records it as the instrument's latest price, closes the ACTIVE BUY/SELL signals whose
 * target or stop it reaches, and triggers the ACTIVE alerts it crosses. Every update is conditional on
 * ACTIVE, so a tick delivered twice (or two ticks racing) closes and triggers each row once. Signals
 * published after the tick, or expired before it, are left alone; the expiry sweep handles the latter.
 */
export async function applyTick(
  tx: TransactionClient,
  tick: MarketTickPayload,
  correlationId: string | null,
  now: number = Date.now(),
): Promise<TickOutcome> {
  const at = new Date(tick.at);
  // A malformed tick would fail every redelivery: skip it rather than block the partition.
  if (!isUuid(tick.instrumentId ?? '') || !DECIMAL.test(tick.price ?? '') || Number.isNaN(at.getTime()))
    return { closed: [], triggered: [] };
  const instrument = await tx.instrument.findUnique({ where: { id: tick.instrumentId } });
  // Another deployment's instrument (tests share one broker): nothing here to close.
  if (!instrument) return { closed: [], triggered: [] };
  const price = tick.price;
  const source = SOURCES.has(tick.source ?? '') ? tick.source! : 'SIMULATED';
  await tx.$executeRaw`
    INSERT INTO "signals"."market_price" (instrument_id, price, bid, ask, at, source)
    VALUES (${instrument.id}::uuid, ${price}::numeric, ${quote(tick.bid)}::numeric, ${quote(tick.ask)}::numeric, ${at},
            ${source}::"signals"."PriceSource")
    ON CONFLICT (instrument_id) DO UPDATE
       SET price = EXCLUDED.price, bid = EXCLUDED.bid, ask = EXCLUDED.ask, at = EXCLUDED.at, source = EXCLUDED.source
     WHERE "signals"."market_price".at <= EXCLUDED.at`;
  // An old quote is recorded (its time says how old) but closes no signal and triggers no alert.
  if (isStaleTick(tick, now)) return { closed: [], triggered: [] };
  const closed = await tx.$queryRaw<ClosedRow[]>`
    UPDATE "signals"."signal" s
       SET status = (CASE WHEN (s.side = 'BUY' AND ${price}::numeric >= s.target_price)
                            OR (s.side = 'SELL' AND ${price}::numeric <= s.target_price)
                          THEN 'TARGET_HIT' ELSE 'STOPPED_OUT' END)::"signals"."SignalStatus",
           closed_at = ${at},
           close_price = ${price}::numeric,
           realized_return = ((CASE WHEN s.side = 'BUY' THEN ${price}::numeric - s.price
                                    ELSE s.price - ${price}::numeric END) / s.price)::float8
      FROM "signals"."instrument" i
     WHERE i.id = s.instrument_id AND s.instrument_id = ${instrument.id}::uuid AND s.status = 'ACTIVE'
       AND s.created_at <= ${at} AND (s.expires_at IS NULL OR s.expires_at > ${at})
       AND ((s.side = 'BUY' AND (${price}::numeric >= s.target_price OR ${price}::numeric <= s.stop_loss))
         OR (s.side = 'SELL' AND (${price}::numeric <= s.target_price OR ${price}::numeric >= s.stop_loss)))
    RETURNING s.id::text, s.sequence, s.instrument_id::text AS "instrumentId", i.symbol, s.status::text,
              s.close_price AS "closePrice", s.realized_return AS "realizedReturn", s.closed_at AS "closedAt"`;
  await announceClosed(tx, closed, correlationId);
  const triggered = await tx.$queryRaw<TriggeredRow[]>`
    UPDATE "signals"."price_alert"
       SET status = 'TRIGGERED', triggered_at = ${at}, triggered_price = ${price}::numeric
     WHERE instrument_id = ${instrument.id}::uuid AND status = 'ACTIVE' AND created_at <= ${at}
       AND ((direction = 'ABOVE' AND ${price}::numeric >= price)
         OR (direction = 'BELOW' AND ${price}::numeric <= price))
    RETURNING id::text, user_id::text AS "userId", direction::text, price`;
  for (const alert of triggered) {
    await enqueuePriceAlertTriggered(
      tx,
      {
        alertId: alert.id,
        userId: alert.userId,
        instrumentId: instrument.id,
        symbol: instrument.symbol,
        direction: alert.direction,
        price: alert.price.toString(),
        triggeredPrice: price,
        triggeredAt: at.toISOString(),
      },
      correlationId,
    );
  }
  return { closed: closed.map((row) => row.id), triggered: triggered.map((row) => row.id) };
}

/** Most signals one sweep closes; a backlog takes a few sweeps. */
const EXPIRY_BATCH = 500;

/**
 * Expires ACTIVE signals past their expiry at the instrument's last known price (the latest tick, else
 * the latest candle close); BUY/SELL get a realized return from it. Replicas may sweep concurrently: the
 * update re-checks ACTIVE under the row lock, so each signal expires once.
 */
export async function expireDueSignals(prisma: PrismaClient, now: Date): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const expired = await tx.$queryRaw<ClosedRow[]>`
      WITH due AS (
        SELECT d.id, COALESCE(mp.price, (SELECT c.close FROM "signals"."candle" c
                                          WHERE c.instrument_id = d.instrument_id
                                          ORDER BY c.open_time DESC LIMIT 1)) AS mark
          FROM "signals"."signal" d
          LEFT JOIN "signals"."market_price" mp ON mp.instrument_id = d.instrument_id
         WHERE d.status = 'ACTIVE' AND d.expires_at <= ${now}
         ORDER BY d.expires_at
         LIMIT ${EXPIRY_BATCH})
      UPDATE "signals"."signal" s
         SET status = 'EXPIRED', closed_at = s.expires_at, close_price = due.mark,
             realized_return = CASE WHEN s.side = 'BUY' THEN ((due.mark - s.price) / s.price)::float8
                                    WHEN s.side = 'SELL' THEN ((s.price - due.mark) / s.price)::float8 END
        FROM due, "signals"."instrument" i
       WHERE s.id = due.id AND i.id = s.instrument_id AND s.status = 'ACTIVE'
      RETURNING s.id::text, s.sequence, s.instrument_id::text AS "instrumentId", i.symbol, s.status::text,
                s.close_price AS "closePrice", s.realized_return AS "realizedReturn", s.closed_at AS "closedAt"`;
    await announceClosed(tx, expired, null);
    return expired.map((row) => row.id);
  });
}

/** Withdraws an ACTIVE signal; false when it was no longer ACTIVE. */
export async function cancelActiveSignal(
  tx: TransactionClient,
  id: string,
  now: Date,
  correlationId: string,
): Promise<boolean> {
  const cancelled = await tx.$queryRaw<ClosedRow[]>`
    UPDATE "signals"."signal" s
       SET status = 'CANCELLED', closed_at = ${now}
      FROM "signals"."instrument" i
     WHERE s.id = ${id}::uuid AND i.id = s.instrument_id AND s.status = 'ACTIVE'
    RETURNING s.id::text, s.sequence, s.instrument_id::text AS "instrumentId", i.symbol, s.status::text,
              s.close_price AS "closePrice", s.realized_return AS "realizedReturn", s.closed_at AS "closedAt"`;
  await announceClosed(tx, cancelled, correlationId);
  return cancelled.length > 0;
}
