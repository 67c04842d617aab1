-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "signals"."SignalStatus" AS ENUM ('ACTIVE', 'TARGET_HIT', 'STOPPED_OUT', 'EXPIRED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "signals"."SignalSourceKind" AS ENUM ('STRATEGY', 'ANALYST');

-- CreateEnum
CREATE TYPE "signals"."PriceAlertDirection" AS ENUM ('ABOVE', 'BELOW');

-- CreateEnum
CREATE TYPE "signals"."PriceAlertStatus" AS ENUM ('ACTIVE', 'TRIGGERED', 'CANCELLED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "signals"."SignalSide" ADD VALUE 'HOLD';
ALTER TYPE "signals"."SignalSide" ADD VALUE 'EXIT';

-- AlterEnum
ALTER TYPE "billing"."SubscriptionStatus" ADD VALUE 'PAUSED';

-- AlterTable
ALTER TABLE "learning"."lesson" ADD COLUMN     "passing_score" INTEGER NOT NULL DEFAULT 50;

-- AlterTable
ALTER TABLE "signals"."signal" ADD COLUMN     "close_price" DECIMAL(30,10),
ADD COLUMN     "closed_at" TIMESTAMPTZ(3),
ADD COLUMN     "expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "rationale" TEXT,
ADD COLUMN     "realized_return" DOUBLE PRECISION,
ADD COLUMN     "source_id" UUID,
ADD COLUMN     "status" "signals"."SignalStatus" NOT NULL DEFAULT 'ACTIVE',
ADD COLUMN     "stop_loss" DECIMAL(30,10),
ADD COLUMN     "target_price" DECIMAL(30,10);

-- AlterTable
ALTER TABLE "trading"."position" ADD COLUMN     "exchange_account_id" UUID;

-- AlterTable
ALTER TABLE "trading"."trade_order" ADD COLUMN     "cancel_requested_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "trading"."trade_event" ADD COLUMN     "exchange_account_id" UUID;

-- AlterTable
ALTER TABLE "billing"."plan" ADD COLUMN     "razorpay_plan_id" TEXT;

-- AlterTable
ALTER TABLE "billing"."subscription" ADD COLUMN     "razorpay_subscription_id" TEXT;

-- AlterTable
ALTER TABLE "billing"."payment_order" ADD COLUMN     "period_end" TIMESTAMPTZ(3),
ADD COLUMN     "period_start" TIMESTAMPTZ(3),
ADD COLUMN     "razorpay_subscription_id" TEXT;

-- CreateTable
CREATE TABLE "learning"."assignment_submission" (
    "id" UUID NOT NULL,
    "lesson_id" UUID NOT NULL,
    "enrollment_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "text" TEXT,
    "url" TEXT,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "score" INTEGER,
    "feedback" TEXT,
    "graded_at" TIMESTAMPTZ(3),
    "grader_id" UUID,

    CONSTRAINT "assignment_submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signals"."signal_source" (
    "id" UUID NOT NULL,
    "kind" "signals"."SignalSourceKind" NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signal_source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signals"."market_price" (
    "instrument_id" UUID NOT NULL,
    "price" DECIMAL(30,10) NOT NULL,
    "bid" DECIMAL(30,10),
    "ask" DECIMAL(30,10),
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "market_price_pkey" PRIMARY KEY ("instrument_id")
);

-- CreateTable
CREATE TABLE "signals"."price_alert" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "instrument_id" UUID NOT NULL,
    "direction" "signals"."PriceAlertDirection" NOT NULL,
    "price" DECIMAL(30,10) NOT NULL,
    "status" "signals"."PriceAlertStatus" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "triggered_at" TIMESTAMPTZ(3),
    "triggered_price" DECIMAL(30,10),

    CONSTRAINT "price_alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trading"."user_tier" (
    "user_id" UUID NOT NULL,
    "tier" "billing"."Tier" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_tier_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "trading"."signal_copy_skip" (
    "id" UUID NOT NULL,
    "follow_id" UUID NOT NULL,
    "signal_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signal_copy_skip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."gateway_subscription" (
    "id" UUID NOT NULL,
    "razorpay_subscription_id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "place_of_supply" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'created',
    "short_url" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "gateway_subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."billing_audit_entry" (
    "id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "target_user_id" UUID NOT NULL,
    "outcome" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "billing_audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."revenue_schedule" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "purpose" "billing"."PaymentPurpose" NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "recognized_minor" BIGINT NOT NULL DEFAULT 0,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "revenue_schedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."subscription_change" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "subscription_id" UUID NOT NULL,
    "tier" "billing"."Tier" NOT NULL,
    "status" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscription_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."reconciliation_run" (
    "id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "checked_payments" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "reconciliation_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."reconciliation_mismatch" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "razorpay_payment_id" TEXT NOT NULL,
    "problem" TEXT NOT NULL,

    CONSTRAINT "reconciliation_mismatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "assignment_submission_lesson_id_graded_at_idx" ON "learning"."assignment_submission"("lesson_id", "graded_at");

-- CreateIndex
CREATE UNIQUE INDEX "assignment_submission_enrollment_id_lesson_id_key" ON "learning"."assignment_submission"("enrollment_id", "lesson_id");

-- CreateIndex
CREATE UNIQUE INDEX "signal_source_kind_key_key" ON "signals"."signal_source"("kind", "key");

-- CreateIndex
CREATE INDEX "price_alert_instrument_id_status_idx" ON "signals"."price_alert"("instrument_id", "status");

-- CreateIndex
CREATE INDEX "price_alert_user_id_created_at_idx" ON "signals"."price_alert"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "signal_copy_skip_user_id_created_at_idx" ON "trading"."signal_copy_skip"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "signal_copy_skip_follow_id_signal_id_key" ON "trading"."signal_copy_skip"("follow_id", "signal_id");

-- CreateIndex
CREATE UNIQUE INDEX "gateway_subscription_razorpay_subscription_id_key" ON "billing"."gateway_subscription"("razorpay_subscription_id");

-- CreateIndex
CREATE UNIQUE INDEX "gateway_subscription_user_id_idempotency_key_key" ON "billing"."gateway_subscription"("user_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "billing_audit_entry_target_user_id_created_at_idx" ON "billing"."billing_audit_entry"("target_user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "revenue_schedule_payment_id_key" ON "billing"."revenue_schedule"("payment_id");

-- CreateIndex
CREATE INDEX "revenue_schedule_period_start_idx" ON "billing"."revenue_schedule"("period_start");

-- CreateIndex
CREATE INDEX "subscription_change_user_id_at_idx" ON "billing"."subscription_change"("user_id", "at");

-- CreateIndex
CREATE INDEX "subscription_change_at_idx" ON "billing"."subscription_change"("at");

-- CreateIndex
CREATE INDEX "reconciliation_run_started_at_idx" ON "billing"."reconciliation_run"("started_at");

-- CreateIndex
CREATE INDEX "reconciliation_mismatch_run_id_idx" ON "billing"."reconciliation_mismatch"("run_id");

-- CreateIndex
CREATE INDEX "user_created_at_idx" ON "identity"."user"("created_at");

-- CreateIndex
CREATE INDEX "kyc_submission_status_expires_at_idx" ON "identity"."kyc_submission"("status", "expires_at");

-- CreateIndex
CREATE INDEX "course_title_trgm_idx" ON "learning"."course" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "course_summary_trgm_idx" ON "learning"."course" USING GIN ("summary" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "course_description_trgm_idx" ON "learning"."course" USING GIN ("description" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "enrollment_created_at_idx" ON "learning"."enrollment"("created_at");

-- CreateIndex
CREATE INDEX "signal_instrument_id_status_idx" ON "signals"."signal"("instrument_id", "status");

-- CreateIndex
CREATE INDEX "signal_status_expires_at_idx" ON "signals"."signal"("status", "expires_at");

-- CreateIndex
CREATE INDEX "signal_source_id_status_closed_at_idx" ON "signals"."signal"("source_id", "status", "closed_at");

-- CreateIndex
CREATE INDEX "position_exchange_account_id_idx" ON "trading"."position"("exchange_account_id");

-- CreateIndex
CREATE INDEX "trade_order_created_at_idx" ON "trading"."trade_order"("created_at");

-- CreateIndex
CREATE INDEX "trade_event_occurred_at_type_idx" ON "trading"."trade_event"("occurred_at", "type");

-- CreateIndex
CREATE UNIQUE INDEX "plan_razorpay_plan_id_key" ON "billing"."plan"("razorpay_plan_id");

-- CreateIndex
CREATE UNIQUE INDEX "subscription_razorpay_subscription_id_key" ON "billing"."subscription"("razorpay_subscription_id");

-- CreateIndex
CREATE INDEX "payment_order_razorpay_subscription_id_idx" ON "billing"."payment_order"("razorpay_subscription_id");

-- CreateIndex
CREATE INDEX "payment_order_purpose_plan_id_idx" ON "billing"."payment_order"("purpose", "plan_id");

-- CreateIndex
CREATE INDEX "payment_captured_at_idx" ON "billing"."payment"("captured_at");

-- CreateIndex
CREATE INDEX "refund_created_at_idx" ON "billing"."refund"("created_at");

-- AddForeignKey
ALTER TABLE "learning"."assignment_submission" ADD CONSTRAINT "assignment_submission_lesson_id_fkey" FOREIGN KEY ("lesson_id") REFERENCES "learning"."lesson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signals"."signal" ADD CONSTRAINT "signal_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "signals"."signal_source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signals"."market_price" ADD CONSTRAINT "market_price_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "signals"."instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signals"."price_alert" ADD CONSTRAINT "price_alert_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "signals"."instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing"."reconciliation_mismatch" ADD CONSTRAINT "reconciliation_mismatch_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "billing"."reconciliation_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill (hand-written): signals stored before sources and expiry existed get a source (their analyst
-- or their strategy) and a 7-day expiry from creation, so the expiry sweep closes them at the last known
-- price instead of leaving them ACTIVE forever.
INSERT INTO "signals"."signal_source" (id, kind, key, name)
SELECT gen_random_uuid(), 'ANALYST', author_id::text, 'Analyst ' || left(author_id::text, 8)
  FROM "signals"."signal" WHERE author_id IS NOT NULL GROUP BY author_id
ON CONFLICT (kind, key) DO NOTHING;
INSERT INTO "signals"."signal_source" (id, kind, key, name)
SELECT gen_random_uuid(), 'STRATEGY', strategy, strategy
  FROM "signals"."signal" WHERE author_id IS NULL GROUP BY strategy
ON CONFLICT (kind, key) DO NOTHING;
UPDATE "signals"."signal" s SET source_id = src.id
  FROM "signals"."signal_source" src
 WHERE s.source_id IS NULL
   AND ((s.author_id IS NOT NULL AND src.kind = 'ANALYST' AND src.key = s.author_id::text)
     OR (s.author_id IS NULL AND src.kind = 'STRATEGY' AND src.key = s.strategy));
UPDATE "signals"."signal" SET expires_at = created_at + interval '7 days' WHERE expires_at IS NULL;

-- Backfill (hand-written): churn analytics read subscription_change, so record the current state of every
-- subscription that existed before it.
INSERT INTO "billing"."subscription_change" (id, user_id, subscription_id, tier, status, at)
SELECT gen_random_uuid(), s.user_id, s.id,
       CASE WHEN s.status::text IN ('ACTIVE', 'PAST_DUE') THEN p.tier ELSE 'FREE'::"billing"."Tier" END,
       s.status::text, s.updated_at
  FROM "billing"."subscription" s JOIN "billing"."plan" p ON p.id = s.plan_id;
