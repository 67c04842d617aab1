-- Development rows written by prisma/seed are flagged, so clients (and the production-shape test) can tell
-- demo data from real data. The production seed writes none of them, and existing rows default to real.
ALTER TABLE "identity"."user" ADD COLUMN "is_demo" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "learning"."course" ADD COLUMN "is_demo" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "signals"."signal_source" ADD COLUMN "is_demo" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "signals"."signal" ADD COLUMN "is_demo" BOOLEAN NOT NULL DEFAULT false;
