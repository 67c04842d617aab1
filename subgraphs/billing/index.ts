import { billingConfigSchema, type BillingConfig } from '../../platform/subgraphConfig';
import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { createBillingSubgraph } from './server';

runSubgraphProcess<BillingConfig>(
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
      },
    }),
  billingConfigSchema,
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
