-- AlterTable
ALTER TABLE "trading"."portfolio" ADD COLUMN     "kill_switch" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "trading"."position" ADD COLUMN     "realized_pnl" DECIMAL(30,10) NOT NULL DEFAULT 0,
ADD COLUMN     "symbol" VARCHAR(40) NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "trading"."trade_order" (
    "id" UUID NOT NULL,
    "portfolio_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "client_order_id" VARCHAR(64) NOT NULL,
    "input_hash" VARCHAR(64) NOT NULL,
    "symbol" VARCHAR(40) NOT NULL,
    "side" VARCHAR(4) NOT NULL,
    "type" VARCHAR(10) NOT NULL,
    "quantity" DECIMAL(30,10) NOT NULL,
    "limit_price" DECIMAL(30,10),
    "stop_price" DECIMAL(30,10),
    "exchange_account_id" UUID,
    "status" VARCHAR(20) NOT NULL,
    "filled_quantity" DECIMAL(30,10) NOT NULL DEFAULT 0,
    "average_fill_price" DECIMAL(30,10),
    "reason" TEXT,
    "follow_id" UUID,
    "signal_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "trade_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trading"."trade_event" (
    "sequence" BIGSERIAL NOT NULL,
    "portfolio_id" UUID NOT NULL,
    "order_id" UUID,
    "type" VARCHAR(20) NOT NULL,
    "trade_id" VARCHAR(100),
    "symbol" VARCHAR(40),
    "instrument_id" UUID,
    "side" VARCHAR(4),
    "quantity" DECIMAL(30,10),
    "price" DECIMAL(30,10),
    "fee_minor" BIGINT,
    "realized_pnl" DECIMAL(30,10),
    "reason" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trade_event_pkey" PRIMARY KEY ("sequence")
);

-- CreateTable
CREATE TABLE "trading"."exchange_account" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "exchange" VARCHAR(40) NOT NULL,
    "label" VARCHAR(80) NOT NULL,
    "api_key_sealed" TEXT NOT NULL,
    "api_secret_sealed" TEXT NOT NULL,
    "fingerprint" VARCHAR(64) NOT NULL,
    "api_key_last4" VARCHAR(4) NOT NULL,
    "status" VARCHAR(20) NOT NULL DEFAULT 'CONNECTED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disconnected_at" TIMESTAMPTZ(3),

    CONSTRAINT "exchange_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trading"."signal_follow" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "source" VARCHAR(120) NOT NULL,
    "sizing" VARCHAR(20) NOT NULL,
    "sizing_value" DECIMAL(30,10) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signal_follow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "trade_order_user_id_created_at_idx" ON "trading"."trade_order"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "trade_order_symbol_status_idx" ON "trading"."trade_order"("symbol", "status");

-- CreateIndex
CREATE UNIQUE INDEX "trade_order_user_id_client_order_id_key" ON "trading"."trade_order"("user_id", "client_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "trade_order_follow_id_signal_id_key" ON "trading"."trade_order"("follow_id", "signal_id");

-- CreateIndex
CREATE UNIQUE INDEX "trade_event_trade_id_key" ON "trading"."trade_event"("trade_id");

-- CreateIndex
CREATE INDEX "trade_event_portfolio_id_sequence_idx" ON "trading"."trade_event"("portfolio_id", "sequence");

-- CreateIndex
CREATE INDEX "trade_event_order_id_sequence_idx" ON "trading"."trade_event"("order_id", "sequence");

-- CreateIndex
CREATE INDEX "exchange_account_user_id_idx" ON "trading"."exchange_account"("user_id");

-- CreateIndex
CREATE INDEX "signal_follow_source_active_idx" ON "trading"."signal_follow"("source", "active");

-- CreateIndex
CREATE UNIQUE INDEX "signal_follow_user_id_source_key" ON "trading"."signal_follow"("user_id", "source");

