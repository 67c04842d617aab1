import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { billingConfig } from './config';
import { createBillingSubgraph } from './server';

runSubgraphProcess('billing', billingConfig, (deps, config) =>
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
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
