import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { CHARGE_KEY_PREFIX } from '../../subgraphs/billing/services/planPurchases';
import { eventually } from '../support/env';
import { expectData } from '../support/graphqlClient';
import type { BillingStack } from './billingHarness';

type Buyer = Awaited<ReturnType<BillingStack['register']>>;

export interface MeSubscription {
  tier: string;
  subscription: {
    status: string;
    autoRenews: boolean;
    cancelAtPeriodEnd: boolean;
    currentPeriodEnd: string | null;
    plan: { tier: string };
  } | null;
}

/** Renewing subscriptions driven through the gateway, with our Razorpay server playing the clock. */
export function subscriptionSteps(s: BillingStack) {
  const me = (buyer: Buyer) =>
    expectData<{ me: MeSubscription }>(
      s.url,
      `{ me { tier subscription { status autoRenews cancelAtPeriodEnd currentPeriodEnd plan { tier } } } }`,
      {},
      buyer.headers,
    ).then((d) => d.me);

  /** Waits until `me` satisfies `test` (webhooks are applied asynchronously). */
  const meWhen = (buyer: Buyer, test: (m: MeSubscription) => boolean, what: string) =>
    eventually(
      async () => {
        const current = await me(buyer);
        return test(current) ? current : undefined;
      },
      30_000,
      what,
    );

  /** subscribe → the customer authorises in Checkout → Razorpay charges the first cycle. */
  async function subscribe(buyer: Buyer, planId: string): Promise<string> {
    const data = await expectData<{ subscribe: { razorpaySubscriptionId: string; status: string } }>(
      s.url,
      `mutation($input: SubscribeInput!) { subscribe(input: $input) { razorpaySubscriptionId status } }`,
      { input: { planId, idempotencyKey: `sub-${randomUUID()}` } },
      buyer.headers,
    );
    expect(data.subscribe.status).toBe('created');
    const id = data.subscribe.razorpaySubscriptionId;
    s.razorpay.subscriptions.authenticate(id);
    await meWhen(buyer, (m) => m.subscription?.autoRenews === true && m.tier !== 'FREE', 'activation');
    return id;
  }

  /** The tier claim of a freshly refreshed access token, once it equals `tier`. */
  async function tokenTier(buyer: Buyer, tier: string): Promise<string> {
    let refreshToken = buyer.refreshToken;
    return eventually(
      async () => {
        const result = await expectData<{ refreshSession: { accessToken: string; refreshToken: string } }>(
          s.url,
          `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`,
          { t: refreshToken },
        );
        refreshToken = result.refreshSession.refreshToken;
        buyer.refreshToken = refreshToken;
        const claim = decodeJwt(result.refreshSession.accessToken).tier;
        return claim === tier ? claim : undefined;
      },
      30_000,
      `token tier ${tier}`,
    );
  }

  /** Razorpay's recurring charges of a user's subscription (not upgrades), oldest first. */
  const chargesOf = (userId: string) =>
    s.db.prisma.payment.findMany({
      where: { userId, order: { idempotencyKey: { startsWith: CHARGE_KEY_PREFIX } } },
      orderBy: { capturedAt: 'asc' },
    });

  const admin = async () => ({ authorization: (await s.login('admin@demo.test')).authorization });

  return { me, meWhen, subscribe, tokenTier, chargesOf, admin };
}
