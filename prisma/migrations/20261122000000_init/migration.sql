-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "billing";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "identity";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "learning";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "signals";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "trading";

-- CreateEnum
CREATE TYPE "billing"."Tier" AS ENUM ('FREE', 'PREMIUM', 'ENTERPRISE');

-- CreateEnum
CREATE TYPE "identity"."Role" AS ENUM ('LEARNER', 'TRADER', 'ANALYST', 'INSTRUCTOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "identity"."KycStatus" AS ENUM ('NONE', 'PENDING', 'VERIFIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "learning"."CourseLevel" AS ENUM ('BEGINNER', 'INTERMEDIATE', 'ADVANCED');

-- CreateEnum
CREATE TYPE "learning"."EnrollmentStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "signals"."AssetClass" AS ENUM ('CRYPTO', 'EQUITY');

-- CreateEnum
CREATE TYPE "signals"."SignalSide" AS ENUM ('BUY', 'SELL');

-- CreateEnum
CREATE TYPE "billing"."SubscriptionStatus" AS ENUM ('ACTIVE', 'PAST_DUE', 'CANCELLED');

-- CreateTable
CREATE TABLE "identity"."user" (
    "id" UUID NOT NULL,
    "email_normalized" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "phone" TEXT,
    "password_hash" TEXT NOT NULL,
    "roles" "identity"."Role"[] DEFAULT ARRAY['LEARNER']::"identity"."Role"[],
    "kyc_status" "identity"."KycStatus" NOT NULL DEFAULT 'NONE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."session" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "refresh_token_hash" TEXT NOT NULL,
    "device" TEXT,
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."user_tier" (
    "user_id" UUID NOT NULL,
    "tier" "billing"."Tier" NOT NULL DEFAULT 'FREE',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_tier_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "learning"."course" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "level" "learning"."CourseLevel" NOT NULL,
    "instructor_id" UUID NOT NULL,
    "price_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL DEFAULT 'INR',
    "published" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."module" (
    "id" UUID NOT NULL,
    "course_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "module_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."lesson" (
    "id" UUID NOT NULL,
    "module_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "is_free" BOOLEAN NOT NULL DEFAULT false,
    "duration_seconds" INTEGER NOT NULL,

    CONSTRAINT "lesson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."enrollment" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "course_id" UUID NOT NULL,
    "status" "learning"."EnrollmentStatus" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "enrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signals"."instrument" (
    "id" UUID NOT NULL,
    "symbol" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "asset_class" "signals"."AssetClass" NOT NULL,
    "exchange" TEXT NOT NULL,
    "base_asset" TEXT NOT NULL,
    "quote_currency" TEXT NOT NULL,
    "tick_size" DECIMAL(30,10) NOT NULL,

    CONSTRAINT "instrument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signals"."candle" (
    "instrument_id" UUID NOT NULL,
    "interval" TEXT NOT NULL,
    "open_time" TIMESTAMPTZ(3) NOT NULL,
    "open" DECIMAL(30,10) NOT NULL,
    "high" DECIMAL(30,10) NOT NULL,
    "low" DECIMAL(30,10) NOT NULL,
    "close" DECIMAL(30,10) NOT NULL,
    "volume" DECIMAL(30,10) NOT NULL,

    CONSTRAINT "candle_pkey" PRIMARY KEY ("instrument_id","interval","open_time")
);

-- CreateTable
CREATE TABLE "signals"."signal" (
    "id" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "instrument_id" UUID NOT NULL,
    "side" "signals"."SignalSide" NOT NULL,
    "strategy" TEXT NOT NULL,
    "price" DECIMAL(30,10) NOT NULL,
    "confidence" DECIMAL(5,4) NOT NULL,
    "author_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trading"."portfolio" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "currency" VARCHAR(3) NOT NULL DEFAULT 'INR',
    "cash_minor" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portfolio_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trading"."position" (
    "id" UUID NOT NULL,
    "portfolio_id" UUID NOT NULL,
    "instrument_id" UUID NOT NULL,
    "quantity" DECIMAL(30,10) NOT NULL,
    "average_price" DECIMAL(30,10) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."plan" (
    "id" UUID NOT NULL,
    "tier" "billing"."Tier" NOT NULL,
    "name" TEXT NOT NULL,
    "price_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL DEFAULT 'INR',
    "interval" TEXT NOT NULL DEFAULT 'MONTH',
    "api_calls_per_hour" INTEGER NOT NULL,
    "signals_per_day" INTEGER,
    "realtime_signals" BOOLEAN NOT NULL,
    "signal_history" BOOLEAN NOT NULL,
    "priority_support" BOOLEAN NOT NULL,

    CONSTRAINT "plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."subscription" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "status" "billing"."SubscriptionStatus" NOT NULL DEFAULT 'ACTIVE',
    "current_period_start" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "current_period_end" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."outbox_event" (
    "id" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "correlation_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."inbox_event" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_event_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateTable
CREATE TABLE "learning"."outbox_event" (
    "id" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "correlation_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."inbox_event" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_event_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateTable
CREATE TABLE "signals"."outbox_event" (
    "id" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "correlation_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signals"."inbox_event" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_event_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateTable
CREATE TABLE "trading"."outbox_event" (
    "id" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "correlation_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trading"."inbox_event" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_event_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateTable
CREATE TABLE "billing"."outbox_event" (
    "id" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "correlation_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."inbox_event" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_event_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_email_normalized_key" ON "identity"."user"("email_normalized");

-- CreateIndex
CREATE UNIQUE INDEX "session_refresh_token_hash_key" ON "identity"."session"("refresh_token_hash");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "identity"."session"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "course_slug_key" ON "learning"."course"("slug");

-- CreateIndex
CREATE INDEX "course_created_at_id_idx" ON "learning"."course"("created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "module_course_id_position_key" ON "learning"."module"("course_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "lesson_module_id_position_key" ON "learning"."lesson"("module_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "enrollment_user_id_course_id_key" ON "learning"."enrollment"("user_id", "course_id");

-- CreateIndex
CREATE UNIQUE INDEX "instrument_symbol_key" ON "signals"."instrument"("symbol");

-- CreateIndex
CREATE UNIQUE INDEX "signal_sequence_key" ON "signals"."signal"("sequence");

-- CreateIndex
CREATE INDEX "signal_instrument_id_created_at_idx" ON "signals"."signal"("instrument_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "portfolio_user_id_key" ON "trading"."portfolio"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "position_portfolio_id_instrument_id_key" ON "trading"."position"("portfolio_id", "instrument_id");

-- CreateIndex
CREATE UNIQUE INDEX "plan_tier_key" ON "billing"."plan"("tier");

-- CreateIndex
CREATE UNIQUE INDEX "subscription_user_id_key" ON "billing"."subscription"("user_id");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_sequence_idx" ON "identity"."outbox_event"("published_at", "sequence");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_sequence_idx" ON "learning"."outbox_event"("published_at", "sequence");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_sequence_idx" ON "signals"."outbox_event"("published_at", "sequence");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_sequence_idx" ON "trading"."outbox_event"("published_at", "sequence");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_sequence_idx" ON "billing"."outbox_event"("published_at", "sequence");

-- AddForeignKey
ALTER TABLE "identity"."session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "identity"."user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."module" ADD CONSTRAINT "module_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "learning"."course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."lesson" ADD CONSTRAINT "lesson_module_id_fkey" FOREIGN KEY ("module_id") REFERENCES "learning"."module"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."enrollment" ADD CONSTRAINT "enrollment_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "learning"."course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signals"."candle" ADD CONSTRAINT "candle_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "signals"."instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signals"."signal" ADD CONSTRAINT "signal_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "signals"."instrument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trading"."position" ADD CONSTRAINT "position_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "trading"."portfolio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing"."subscription" ADD CONSTRAINT "subscription_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "billing"."plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

