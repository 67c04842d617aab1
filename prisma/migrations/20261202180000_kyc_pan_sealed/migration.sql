-- PAN sealed at rest and shown masked (issue 16). The masked form is computed here. Sealing needs
-- the identity data key, which the database never sees, so existing plaintext PANs are sealed and
-- cleared by identity at start-up (subgraphs/identity/services/panSealing.ts). The pan column is
-- dropped by a later migration once every environment has run that step.
-- (No semicolons in these comments: the migration runner splits statements on them.)
ALTER TABLE "identity"."kyc_submission" ADD COLUMN "pan_sealed" TEXT,
ADD COLUMN "pan_masked" VARCHAR(10);

UPDATE "identity"."kyc_submission" SET "pan_masked" = 'XXXXX' || substr("pan", 6, 4) || 'X';

ALTER TABLE "identity"."kyc_submission" ALTER COLUMN "pan_masked" SET NOT NULL,
ALTER COLUMN "pan" DROP NOT NULL;
