-- Positions are keyed by where they are held (venue) instead of by a made-up instrument id per exchange
-- account, so a live position names its real instrument and Position.instrument resolves.

-- DropIndex
DROP INDEX "trading"."position_portfolio_id_instrument_id_key";

-- AlterTable
ALTER TABLE "trading"."position" ADD COLUMN     "venue" VARCHAR(36) NOT NULL DEFAULT '';

-- Backfill (hand-written): a live position's venue is its exchange account.
UPDATE "trading"."position" SET "venue" = "exchange_account_id"::text WHERE "exchange_account_id" IS NOT NULL;

-- Backfill (hand-written): live positions and live fills carried a hash of (exchange account, symbol) as
-- their instrument id. Rewrite it to the instrument of their symbol (signals.instrument, same database),
-- fills included, so that a projection rebuild keys live holdings the same way. Each live row was unique
-- per (portfolio, exchange account, symbol) and an instrument symbol is unique, so no two rows meet.
-- Rows whose symbol matches no instrument keep the made-up id: there is no real one to give them.
UPDATE "trading"."position" p SET "instrument_id" = i."id"
  FROM "signals"."instrument" i
 WHERE p."exchange_account_id" IS NOT NULL AND i."symbol" = p."symbol";
UPDATE "trading"."trade_event" e SET "instrument_id" = i."id"
  FROM "signals"."instrument" i
 WHERE e."exchange_account_id" IS NOT NULL AND e."instrument_id" IS NOT NULL AND i."symbol" = e."symbol";

-- Backfill (hand-written): a live order's NEW event now records the instrument its fills are kept under
-- (the exchange reports symbols, not our ids). Give it to live orders placed before, by symbol.
-- Orders whose symbol matches no instrument are left without one.
UPDATE "trading"."trade_event" e SET "instrument_id" = i."id"
  FROM "trading"."trade_order" o, "signals"."instrument" i
 WHERE e."type" = 'NEW' AND e."instrument_id" IS NULL AND e."order_id" = o."id"
   AND o."exchange_account_id" IS NOT NULL AND i."symbol" = o."symbol";

-- CreateIndex
CREATE UNIQUE INDEX "position_portfolio_id_instrument_id_venue_key" ON "trading"."position"("portfolio_id", "instrument_id", "venue");
