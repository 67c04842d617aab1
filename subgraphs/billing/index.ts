import { runSubgraphProcess } from '../../platform/subgraphProcess';
import { billingConfig, type BillingConfig } from './config';
import { resolveSeller } from './sellerSettings';
import { createBillingSubgraph } from './server';

/** The seller the config names; production has refused a missing or invalid one (config.ts). */
function sellerOf(config: BillingConfig) {
  const result = resolveSeller(config);
  if ('issues' in result) throw new Error(result.issues.map((i) => `${i.variable} ${i.message}`).join('; '));
  return result.seller;
}

runSubgraphProcess('billing', billingConfig, (deps, config) => {
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
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
