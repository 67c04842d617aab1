-- Every stored price says where it came from. Rows from before this migration are the seed's generated
-- candles and the replay feed's ticks: SIMULATED.
CREATE TYPE "signals"."PriceSource" AS ENUM ('BINANCE', 'KITE', 'SIMULATED');

ALTER TABLE "signals"."candle" ADD COLUMN "source" "signals"."PriceSource" NOT NULL DEFAULT 'SIMULATED';

ALTER TABLE "signals"."market_price" ADD COLUMN "source" "signals"."PriceSource" NOT NULL DEFAULT 'SIMULATED';

-- One signals replica at a time ingests market data: it holds this lease and renews it.
CREATE TABLE "signals"."market_data_lease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "market_data_lease_pkey" PRIMARY KEY ("name")
);
