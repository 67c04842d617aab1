import { z } from 'zod';
import { composeRules, secret, type ProcessConfig, type ProductionRule } from '../../platform/config';
import { httpsUnlessLoopback } from '../../platform/productionRules';
import { subgraphConfigSchema, subgraphProductionRules } from '../../platform/subgraphConfig';
import { resolveSeller, sellerSettingsShape } from './sellerSettings';

const interval = (fallback: number, what: string) =>
  z.coerce.number().int().positive().default(fallback).describe(what);

/** Razorpay: the real API in production; our compatible server (emulators/razorpay) elsewhere. */
export const billingConfigSchema = subgraphConfigSchema.extend({
  RAZORPAY_BASE_URL: z
    .url()
    .default('https://api.razorpay.com')
    .describe("Razorpay's API base URL; https in production unless the host is a loopback address."),
  RAZORPAY_KEY_ID: z.string().min(1).describe('Razorpay key id.'),
  RAZORPAY_KEY_SECRET: secret(z.string().min(1).describe('Razorpay key secret.')),
  RAZORPAY_WEBHOOK_SECRET: secret(
    z.string().min(1).describe('Secret of the Razorpay webhook: HMAC-SHA256 of every webhook body.'),
  ),
  REFUND_SELF_SERVICE_LIMIT_MINOR: z.coerce
    .bigint()
    .default(2_500_000n)
    .describe('Refunds above this many paise need an ADMIN; smaller ones the payer may ask for.'),
  SELLER_LEGAL_NAME: sellerSettingsShape.SELLER_LEGAL_NAME.describe(
    "The seller's legal name on every tax invoice; required in production (unset in development: a demo seller that says so).",
  ),
  SELLER_GSTIN: sellerSettingsShape.SELLER_GSTIN.describe(
    "The seller's GSTIN (format and Mod-36 check character verified; its state must be GST_HOME_STATE); required in production.",
  ),
  SELLER_ADDRESS: sellerSettingsShape.SELLER_ADDRESS.describe(
    "The seller's registered address, one line as printed on invoices; required in production.",
  ),
  GST_HOME_STATE: z
    .string()
    .default('MH')
    .describe("The seller's GST state code: a buyer in the same state pays CGST+SGST, anyone else IGST."),
  REVENUE_RECOGNITION_INTERVAL_MS: interval(3_600_000, 'How often deferred revenue is recognised (ms).'),
  RECONCILIATION_INTERVAL_MS: interval(3_600_000, 'How often payments are reconciled with Razorpay (ms).'),
  RECONCILIATION_LOOKBACK_MS: interval(3 * 86_400_000, 'How far back reconciliation looks (ms).'),
});

export type BillingConfig = z.infer<typeof billingConfigSchema>;

/** The key secret authenticates every call (basic auth): https, except to an emulator on this machine. */
export const razorpayHttpsUnlessLoopback: ProductionRule<BillingConfig> = (config) =>
  httpsUnlessLoopback('RAZORPAY_BASE_URL', config.RAZORPAY_BASE_URL);

/** Every tax invoice names its seller: a real, valid one in production (sellerSettings.ts). */
export const requiresSeller: ProductionRule<BillingConfig> = (config) => {
  const result = resolveSeller(config);
  return 'issues' in result ? result.issues.map(({ variable, message }) => `${variable}: ${message}`) : [];
};

export const billingProductionProblems = composeRules<BillingConfig>(
  ...subgraphProductionRules,
  razorpayHttpsUnlessLoopback,
  requiresSeller,
);

export const billingConfig: ProcessConfig<typeof billingConfigSchema> = {
  schema: billingConfigSchema,
  productionProblems: billingProductionProblems,
};
