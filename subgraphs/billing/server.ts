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
import { runSubscriptionCycle } from './services/subscriptionLifecycle';
import { createWebhookProcessor } from './webhooks/processor';
import { createRazorpayWebhookRoute } from './webhooks/route';

export const billingTypeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export interface BillingOptions {
  razorpay: RazorpaySettings;
  settings?: Partial<BillingSettings>;
  /** Background poll of stored webhooks (new ones are picked up at once anyway). */
  webhookPollMs?: number;
  /** How often the subscription renewal/dunning cycle runs. */
  subscriptionCycleMs?: number;
}

export const defaultBillingSettings: BillingSettings = {
  refundSelfServiceLimitMinor: 2_500_000n,
  gstHomeState: 'MH',
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
    createLoaders: (client) => createBillingLoaders(client),
    readiness: deps.infra.readiness,
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
      return url;
    },
    async stop(): Promise<void> {
      clearInterval(cycle);
      await processor.stop();
      await assembled.stop();
    },
  };
}
