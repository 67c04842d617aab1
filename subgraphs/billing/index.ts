import { z } from 'zod';
import { billingConfigSchema } from '../../platform/subgraphConfig';
import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { checkSellerSettings, resolveSeller, sellerSettingsShape } from './sellerSettings';
import { createBillingSubgraph } from './server';

/** Billing's own job settings and the seller on top of the shared billing config. */
const billingProcessConfigSchema = billingConfigSchema
  .extend({
    ...sellerSettingsShape,
    REVENUE_RECOGNITION_INTERVAL_MS: z.coerce.number().int().positive().default(3_600_000),
    RECONCILIATION_INTERVAL_MS: z.coerce.number().int().positive().default(3_600_000),
    RECONCILIATION_LOOKBACK_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(3 * 86_400_000),
  })
  // Production refuses to start without a valid seller; development falls back to the demo one.
  .superRefine(checkSellerSettings);

/** The seller the config names (checkSellerSettings has already refused any other outcome). */
function sellerOf(config: z.infer<typeof billingProcessConfigSchema>) {
  const result = resolveSeller(config);
  if ('issues' in result) throw new Error(result.issues.map((i) => `${i.variable}: ${i.message}`).join('; '));
  return result.seller;
}

runSubgraphProcess<z.infer<typeof billingProcessConfigSchema>>(
  'billing',
  (deps, config) => {
    const seller = sellerOf(config);
    return createBillingSubgraph({
      ...deps,
      billing: {
        razorpay: {
          baseUrl: config.RAZORPAY_BASE_URL,
          keyId: config.RAZORPAY_KEY_ID,
          keySecret: config.RAZORPAY_KEY_SECRET,
          webhookSecret: config.RAZORPAY_WEBHOOK_SECRET,
        },
        settings: {
          refundSelfServiceLimitMinor: config.REFUND_SELF_SERVICE_LIMIT_MINOR,
          gstHomeState: seller.state,
          seller,
        },
        recognitionIntervalMs: config.REVENUE_RECOGNITION_INTERVAL_MS,
        reconciliationIntervalMs: config.RECONCILIATION_INTERVAL_MS,
        reconciliationLookbackMs: config.RECONCILIATION_LOOKBACK_MS,
      },
    });
  },
  billingProcessConfigSchema,
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
