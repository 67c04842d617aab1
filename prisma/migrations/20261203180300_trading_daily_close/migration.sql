-- Trading's own daily closes (the last tick of each UTC day), so portfolioRisk can measure the viewer's
-- holdings without the caller supplying prices and without reading signals' candles.
CREATE TABLE "trading"."daily_close" (
    "symbol" VARCHAR(40) NOT NULL,
    "day" DATE NOT NULL,
    "close" DECIMAL(30,10) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "daily_close_pkey" PRIMARY KEY ("symbol","day")
);
