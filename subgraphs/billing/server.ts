import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createSubgraphServer } from '../../platform/subgraph';
import { assembleSubgraph, type SubgraphDeps } from '../../platform/subgraphModule';
import { createFreePlanConsumer } from './events';
import { createBillingLoaders } from './loaders';
import { billingPermissions } from './permissions';
import { createBillingResolvers } from './resolvers';
import { createRazorpayClient, type RazorpaySettings } from './services/razorpayClient';
import type { BillingRuntime, BillingSettings } from './services/runtime';
import { startReconciliationSchedule } from './services/reconciliation';
import { runRevenueRecognition } from './services/revenueRecognition';
import { runSubscriptionCycle } from './services/subscriptionCycle';
import { createWebhookProcessor } from './webhooks/processor';
import { createRazorpayWebhookRoute } from './webhooks/route';
import { demoSeller } from './sellerSettings';

export const billingTypeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export interface BillingOptions {
  razorpay: RazorpaySettings;
  settings?: Partial<BillingSettings>;
  /** Background poll of stored webhooks (new ones are picked up at once anyway). */
  webhookPollMs?: number;
  /** How often the subscription renewal/dunning cycle runs. */
  subscriptionCycleMs?: number;
  /** How often deferred revenue is recognised (idempotent per day; default hourly). */
  recognitionIntervalMs?: number;
  /** Scheduled reconciliation with Razorpay: how often, over how far back (defaults: hourly, 3 days). */
  reconciliationIntervalMs?: number;
  reconciliationLookbackMs?: number;
}

export const defaultBillingSettings: BillingSettings = {
  refundSelfServiceLimitMinor: 2_500_000n,
  gstHomeState: demoSeller.state,
  // Outside a configured process (npm start, tests): the seller that says it is a demo.
  seller: demoSeller,
};

export type BillingDeps = SubgraphDeps & { billing: BillingOptions };

export function createBillingSubgraph(deps: BillingDeps) {
  const { prisma } = deps.infra;
  const runtime: BillingRuntime = {
    prisma,
    logger: deps.logger.child({ subgraph: 'billing' }),
    razorpay: createRazorpayClient(deps.billing.razorpay),
    settings: { ...defaultBillingSettings, ...deps.billing.settings },
  };
  const processor = createWebhookProcessor(runtime, { pollMs: deps.billing.webhookPollMs });
  const server = createSubgraphServer({
    name: 'billing',
    typeDefs: billingTypeDefs,
    resolvers: createBillingResolvers(runtime),
    prisma,
    logger: deps.logger,
    gatewaySecret: deps.gatewaySecret,
    gatewayReplay: deps.gatewayReplay,
    createLoaders: (client) => createBillingLoaders(client),
    readiness: deps.infra.readiness,
    metrics: deps.infra.metrics,
    permissions: billingPermissions,
    routes: [
      createRazorpayWebhookRoute({
        prisma,
        logger: deps.logger,
        webhookSecret: deps.billing.razorpay.webhookSecret,
        onStored: () => processor.poke(),
      }),
    ],
  });
  const assembled = assembleSubgraph('billing', deps, server, [createFreePlanConsumer(deps)]);
  let cycle: NodeJS.Timeout | undefined;
  let recognition: NodeJS.Timeout | undefined;
  let stopReconciliation: (() => void) | undefined;
  return {
    ...assembled,
    runtime,
    webhookProcessor: processor,
    async start(port: number, host?: string): Promise<string> {
      const url = await assembled.start(port, host);
      processor.start();
      cycle = setInterval(() => {
        runSubscriptionCycle(prisma).catch((error: unknown) =>
          runtime.logger.error({ err: error }, 'subscription cycle failed'),
        );
      }, deps.billing.subscriptionCycleMs ?? 3_600_000);
      cycle.unref();
      recognition = setInterval(() => {
        runRevenueRecognition(prisma).catch((error: unknown) =>
          runtime.logger.error({ err: error }, 'revenue recognition failed'),
        );
      }, deps.billing.recognitionIntervalMs ?? 3_600_000);
      recognition.unref();
      stopReconciliation = startReconciliationSchedule(runtime, {
        intervalMs: deps.billing.reconciliationIntervalMs ?? 3_600_000,
        lookbackMs: deps.billing.reconciliationLookbackMs ?? 3 * 86_400_000,
      });
      return url;
    },
    async stop(): Promise<void> {
      clearInterval(cycle);
      clearInterval(recognition);
      stopReconciliation?.();
      await processor.stop();
      await assembled.stop();
    },
  };
}
