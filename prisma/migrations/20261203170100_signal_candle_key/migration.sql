-- The strategy runner names the candle a signal came from (unique: so every replica running a strategy on
-- the same candle commits one signal between them).
ALTER TABLE "signals"."signal" ADD COLUMN "candle_key" TEXT;

CREATE UNIQUE INDEX "signal_candle_key_key" ON "signals"."signal"("candle_key");
