import { z } from 'zod';
import { billingConfigSchema } from '../../platform/subgraphConfig';
import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { createBillingSubgraph } from './server';

/** Billing's own job settings on top of the shared billing config. */
const billingProcessConfigSchema = billingConfigSchema.extend({
  REVENUE_RECOGNITION_INTERVAL_MS: z.coerce.number().int().positive().default(3_600_000),
  RECONCILIATION_INTERVAL_MS: z.coerce.number().int().positive().default(3_600_000),
  RECONCILIATION_LOOKBACK_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(3 * 86_400_000),
});

runSubgraphProcess<z.infer<typeof billingProcessConfigSchema>>(
  'billing',
  (deps, config) =>
    createBillingSubgraph({
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
          gstHomeState: config.GST_HOME_STATE,
        },
        recognitionIntervalMs: config.REVENUE_RECOGNITION_INTERVAL_MS,
        reconciliationIntervalMs: config.RECONCILIATION_INTERVAL_MS,
        reconciliationLookbackMs: config.RECONCILIATION_LOOKBACK_MS,
      },
    }),
  billingProcessConfigSchema,
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
