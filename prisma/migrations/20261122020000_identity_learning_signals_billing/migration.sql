-- CreateEnum
CREATE TYPE "identity"."InvestmentExperience" AS ENUM ('NONE', 'BEGINNER', 'INTERMEDIATE', 'EXPERIENCED');

-- CreateEnum
CREATE TYPE "identity"."RiskTolerance" AS ENUM ('LOW', 'MODERATE', 'HIGH');

-- CreateEnum
CREATE TYPE "identity"."InvestmentHorizon" AS ENUM ('SHORT', 'MEDIUM', 'LONG');

-- CreateEnum
CREATE TYPE "learning"."CourseStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "learning"."LessonKind" AS ENUM ('VIDEO', 'TEXT', 'QUIZ', 'ASSIGNMENT');

-- CreateEnum
CREATE TYPE "learning"."EnrollmentSource" AS ENUM ('FREE', 'PURCHASE', 'GRANT');

-- CreateEnum
CREATE TYPE "learning"."QuestionKind" AS ENUM ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'NUMERIC');

-- CreateEnum
CREATE TYPE "learning"."AttemptStatus" AS ENUM ('IN_PROGRESS', 'SUBMITTED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "billing"."PaymentPurpose" AS ENUM ('COURSE', 'SUBSCRIPTION');

-- CreateEnum
CREATE TYPE "billing"."OrderStatus" AS ENUM ('CREATED', 'PAID', 'FAILED');

-- CreateEnum
CREATE TYPE "billing"."PaymentStatus" AS ENUM ('CREATED', 'AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'FAILED');

-- AlterEnum
ALTER TYPE "identity"."Role" ADD VALUE 'SUPPORT' BEFORE 'ADMIN';

-- AlterEnum
ALTER TYPE "identity"."KycStatus" ADD VALUE 'EXPIRED';

-- AlterEnum
ALTER TYPE "billing"."SubscriptionStatus" ADD VALUE 'HALTED' BEFORE 'CANCELLED';

-- DropIndex
DROP INDEX "identity"."session_refresh_token_hash_key";

-- DropIndex
DROP INDEX "learning"."course_created_at_id_idx";

-- DropIndex
DROP INDEX "billing"."plan_tier_key";

-- AlterTable
ALTER TABLE "identity"."user" ADD COLUMN     "totp_enabled_at" TIMESTAMPTZ(3),
ADD COLUMN     "totp_secret_sealed" TEXT;

-- AlterTable
ALTER TABLE "identity"."session" DROP COLUMN "refresh_token_hash",
ADD COLUMN     "revoked_reason" TEXT;

-- AlterTable
ALTER TABLE "learning"."course" ADD COLUMN     "category" TEXT NOT NULL DEFAULT 'general',
ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "published_at" TIMESTAMPTZ(3),
ADD COLUMN     "status" "learning"."CourseStatus" NOT NULL DEFAULT 'PUBLISHED',
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Keep what was published published, and what was not a draft (hand-written: Prisma would drop it).
UPDATE "learning"."course"
   SET "status" = CASE WHEN "published" THEN 'PUBLISHED' ELSE 'DRAFT' END::"learning"."CourseStatus",
       "published_at" = CASE WHEN "published" THEN "created_at" END;
ALTER TABLE "learning"."course" DROP COLUMN "published";

-- AlterTable
ALTER TABLE "learning"."lesson" ADD COLUMN     "body" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "kind" "learning"."LessonKind" NOT NULL DEFAULT 'VIDEO',
ADD COLUMN     "release_after_days" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "required" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "learning"."enrollment" ADD COLUMN     "activated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "cancelled_at" TIMESTAMPTZ(3),
ADD COLUMN     "completed_at" TIMESTAMPTZ(3),
ADD COLUMN     "payment_id" TEXT,
ADD COLUMN     "source" "learning"."EnrollmentSource" NOT NULL DEFAULT 'FREE';

-- AlterTable
ALTER TABLE "signals"."signal" ADD COLUMN     "day_index" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "billing"."subscription" ADD COLUMN     "cancel_at_period_end" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "failed_charges" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pending_plan_id" UUID;

-- CreateTable
CREATE TABLE "identity"."refresh_token" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "used_at" TIMESTAMPTZ(3),
    "successor_id" UUID,
    "successor_sealed" TEXT,

    CONSTRAINT "refresh_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."backup_code" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "backup_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."profile" (
    "user_id" UUID NOT NULL,
    "first_name" TEXT,
    "last_name" TEXT,
    "date_of_birth" DATE,
    "investment_experience" "identity"."InvestmentExperience",
    "risk_tolerance" "identity"."RiskTolerance",
    "investment_horizon" "identity"."InvestmentHorizon",
    "preferences" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "profile_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "identity"."kyc_submission" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "status" "identity"."KycStatus" NOT NULL DEFAULT 'PENDING',
    "pan" VARCHAR(10) NOT NULL,
    "aadhaar_masked" VARCHAR(14) NOT NULL,
    "aadhaar_last4" VARCHAR(4) NOT NULL,
    "risk_score" INTEGER NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewed_at" TIMESTAMPTZ(3),
    "reviewer_id" UUID,
    "rejection_reason" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "kyc_submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."security_event" (
    "id" UUID NOT NULL,
    "user_id" UUID,
    "actor_id" UUID,
    "type" TEXT NOT NULL,
    "ip" TEXT,
    "user_agent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "security_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."video_asset" (
    "id" UUID NOT NULL,
    "lesson_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "duration_seconds" INTEGER NOT NULL,
    "transcript" TEXT NOT NULL DEFAULT '',
    "captions" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "video_asset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."lesson_progress" (
    "id" UUID NOT NULL,
    "enrollment_id" UUID NOT NULL,
    "lesson_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "watched_seconds" INTEGER NOT NULL DEFAULT 0,
    "position_seconds" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_heartbeat_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "lesson_progress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."assessment" (
    "id" UUID NOT NULL,
    "lesson_id" UUID NOT NULL,
    "passing_score_percent" INTEGER NOT NULL,
    "max_attempts" INTEGER,
    "time_limit_seconds" INTEGER,

    CONSTRAINT "assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."question" (
    "id" UUID NOT NULL,
    "assessment_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "learning"."QuestionKind" NOT NULL,
    "prompt" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 1,
    "choices" JSONB NOT NULL DEFAULT '[]',
    "correct_number" DECIMAL(20,6),
    "numeric_tolerance" DECIMAL(20,6) NOT NULL DEFAULT 0,

    CONSTRAINT "question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."assessment_attempt" (
    "id" UUID NOT NULL,
    "assessment_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "learning"."AttemptStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline_at" TIMESTAMPTZ(3),
    "submitted_at" TIMESTAMPTZ(3),
    "score_percent" INTEGER,
    "passed" BOOLEAN,
    "answers" JSONB,
    "grading" JSONB,

    CONSTRAINT "assessment_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."certificate" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "enrollment_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "course_id" UUID NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_reason" TEXT,

    CONSTRAINT "certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signals"."signal_daily_count" (
    "day" DATE NOT NULL,
    "published" INTEGER NOT NULL,

    CONSTRAINT "signal_daily_count_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "billing"."course_price" (
    "course_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "price_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL DEFAULT 'INR',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "course_price_pkey" PRIMARY KEY ("course_id")
);

-- CreateTable
CREATE TABLE "billing"."payment_order" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "purpose" "billing"."PaymentPurpose" NOT NULL,
    "course_id" UUID,
    "plan_id" UUID,
    "amount_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL DEFAULT 'INR',
    "razorpay_order_id" TEXT NOT NULL,
    "status" "billing"."OrderStatus" NOT NULL DEFAULT 'CREATED',
    "idempotency_key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "place_of_supply" TEXT NOT NULL,
    "credit_minor" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."payment" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "razorpay_payment_id" TEXT NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL DEFAULT 'INR',
    "status" "billing"."PaymentStatus" NOT NULL DEFAULT 'CREATED',
    "fee_minor" BIGINT NOT NULL DEFAULT 0,
    "refunded_minor" BIGINT NOT NULL DEFAULT 0,
    "method" TEXT,
    "captured_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."refund" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "razorpay_refund_id" TEXT NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL DEFAULT 'INR',
    "reason" TEXT,
    "idempotency_key" TEXT,
    "request_hash" TEXT,
    "requested_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."ledger_journal" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "payment_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_journal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."ledger_posting" (
    "id" UUID NOT NULL,
    "journal_id" UUID NOT NULL,
    "account" TEXT NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,

    CONSTRAINT "ledger_posting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."webhook_event" (
    "event_id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,

    CONSTRAINT "webhook_event_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "billing"."invoice" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "financial_year" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "payment_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "taxable_minor" BIGINT NOT NULL,
    "cgst_minor" BIGINT NOT NULL,
    "sgst_minor" BIGINT NOT NULL,
    "igst_minor" BIGINT NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "place_of_supply" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."compliance_review" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "rule" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "compliance_review_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "refresh_token_token_hash_key" ON "identity"."refresh_token"("token_hash");

-- CreateIndex
CREATE INDEX "refresh_token_session_id_idx" ON "identity"."refresh_token"("session_id");

-- CreateIndex
CREATE UNIQUE INDEX "backup_code_user_id_code_hash_key" ON "identity"."backup_code"("user_id", "code_hash");

-- CreateIndex
CREATE INDEX "kyc_submission_status_submitted_at_idx" ON "identity"."kyc_submission"("status", "submitted_at");

-- CreateIndex
CREATE INDEX "kyc_submission_user_id_idx" ON "identity"."kyc_submission"("user_id");

-- CreateIndex
CREATE INDEX "security_event_user_id_created_at_idx" ON "identity"."security_event"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "security_event_type_created_at_idx" ON "identity"."security_event"("type", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "video_asset_lesson_id_key" ON "learning"."video_asset"("lesson_id");

-- CreateIndex
CREATE INDEX "lesson_progress_user_id_lesson_id_idx" ON "learning"."lesson_progress"("user_id", "lesson_id");

-- CreateIndex
CREATE UNIQUE INDEX "lesson_progress_enrollment_id_lesson_id_key" ON "learning"."lesson_progress"("enrollment_id", "lesson_id");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_lesson_id_key" ON "learning"."assessment"("lesson_id");

-- CreateIndex
CREATE UNIQUE INDEX "question_assessment_id_position_key" ON "learning"."question"("assessment_id", "position");

-- CreateIndex
CREATE INDEX "assessment_attempt_user_id_idx" ON "learning"."assessment_attempt"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_attempt_assessment_id_user_id_number_key" ON "learning"."assessment_attempt"("assessment_id", "user_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_code_key" ON "learning"."certificate"("code");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_enrollment_id_key" ON "learning"."certificate"("enrollment_id");

-- CreateIndex
CREATE INDEX "certificate_user_id_idx" ON "learning"."certificate"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_order_razorpay_order_id_key" ON "billing"."payment_order"("razorpay_order_id");

-- CreateIndex
CREATE INDEX "payment_order_user_id_created_at_idx" ON "billing"."payment_order"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "payment_order_user_id_idempotency_key_key" ON "billing"."payment_order"("user_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "payment_razorpay_payment_id_key" ON "billing"."payment"("razorpay_payment_id");

-- CreateIndex
CREATE INDEX "payment_user_id_created_at_idx" ON "billing"."payment"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "payment_order_id_idx" ON "billing"."payment"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "refund_razorpay_refund_id_key" ON "billing"."refund"("razorpay_refund_id");

-- CreateIndex
CREATE UNIQUE INDEX "refund_payment_id_idempotency_key_key" ON "billing"."refund"("payment_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_journal_reference_key" ON "billing"."ledger_journal"("reference");

-- CreateIndex
CREATE INDEX "ledger_journal_payment_id_idx" ON "billing"."ledger_journal"("payment_id");

-- CreateIndex
CREATE INDEX "ledger_posting_account_currency_idx" ON "billing"."ledger_posting"("account", "currency");

-- CreateIndex
CREATE INDEX "ledger_posting_journal_id_idx" ON "billing"."ledger_posting"("journal_id");

-- CreateIndex
CREATE INDEX "webhook_event_processed_at_received_at_idx" ON "billing"."webhook_event"("processed_at", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_number_key" ON "billing"."invoice"("number");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_payment_id_key" ON "billing"."invoice"("payment_id");

-- CreateIndex
CREATE INDEX "invoice_user_id_issued_at_idx" ON "billing"."invoice"("user_id", "issued_at");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_financial_year_sequence_key" ON "billing"."invoice"("financial_year", "sequence");

-- CreateIndex
CREATE INDEX "compliance_review_user_id_created_at_idx" ON "billing"."compliance_review"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "compliance_review_payment_id_rule_key" ON "billing"."compliance_review"("payment_id", "rule");

-- CreateIndex
CREATE INDEX "course_status_created_at_id_idx" ON "learning"."course"("status", "created_at", "id");

-- CreateIndex
CREATE INDEX "course_status_price_minor_id_idx" ON "learning"."course"("status", "price_minor", "id");

-- CreateIndex
CREATE INDEX "course_instructor_id_idx" ON "learning"."course"("instructor_id");

-- CreateIndex
CREATE INDEX "enrollment_course_id_idx" ON "learning"."enrollment"("course_id");

-- CreateIndex
CREATE INDEX "signal_created_at_idx" ON "signals"."signal"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "plan_tier_interval_key" ON "billing"."plan"("tier", "interval");

-- AddForeignKey
ALTER TABLE "identity"."refresh_token" ADD CONSTRAINT "refresh_token_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "identity"."session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."backup_code" ADD CONSTRAINT "backup_code_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "identity"."user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."profile" ADD CONSTRAINT "profile_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "identity"."user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."kyc_submission" ADD CONSTRAINT "kyc_submission_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "identity"."user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."video_asset" ADD CONSTRAINT "video_asset_lesson_id_fkey" FOREIGN KEY ("lesson_id") REFERENCES "learning"."lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."lesson_progress" ADD CONSTRAINT "lesson_progress_enrollment_id_fkey" FOREIGN KEY ("enrollment_id") REFERENCES "learning"."enrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."assessment" ADD CONSTRAINT "assessment_lesson_id_fkey" FOREIGN KEY ("lesson_id") REFERENCES "learning"."lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."question" ADD CONSTRAINT "question_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "learning"."assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."assessment_attempt" ADD CONSTRAINT "assessment_attempt_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "learning"."assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."certificate" ADD CONSTRAINT "certificate_enrollment_id_fkey" FOREIGN KEY ("enrollment_id") REFERENCES "learning"."enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing"."payment" ADD CONSTRAINT "payment_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "billing"."payment_order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing"."refund" ADD CONSTRAINT "refund_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "billing"."payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing"."ledger_posting" ADD CONSTRAINT "ledger_posting_journal_id_fkey" FOREIGN KEY ("journal_id") REFERENCES "billing"."ledger_journal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

