-- Invoices keep the seller they were issued by (name, GSTIN and address come from configuration now, and an
-- issued tax invoice must not change when the configuration does), and the buyer's GSTIN of a B2B order.
-- Invoices issued before this migration printed the name and GSTIN that were hard-coded then, so those
-- are what they keep.
ALTER TABLE "billing"."payment_order" ADD COLUMN "buyer_gstin" TEXT;
ALTER TABLE "billing"."invoice" ADD COLUMN "seller_name" TEXT NOT NULL DEFAULT 'TradeSchool Learning Pvt Ltd';
ALTER TABLE "billing"."invoice" ADD COLUMN "seller_gstin" TEXT NOT NULL DEFAULT '27AABCT1234F1Z5';
ALTER TABLE "billing"."invoice" ALTER COLUMN "seller_name" DROP DEFAULT;
ALTER TABLE "billing"."invoice" ALTER COLUMN "seller_gstin" DROP DEFAULT;
ALTER TABLE "billing"."invoice" ADD COLUMN "seller_address" TEXT;
ALTER TABLE "billing"."invoice" ADD COLUMN "buyer_gstin" TEXT;
