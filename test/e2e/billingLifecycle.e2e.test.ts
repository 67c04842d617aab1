import { randomUUID } from 'node:crypto';
import { planIds } from '../../prisma/seed/data';
import { runSubscriptionCycle } from '../../subgraphs/billing/services/subscriptionCycle';
import { eventually } from '../support/env';
import { expectData, postGraphQL } from '../support/graphqlClient';
import { startBillingStack, type BillingStack } from './billingHarness';
import { subscriptionSteps } from './billingSubscriptionSteps';

// Subscription lifecycle edges through the gateway, with our Razorpay server following the real
// API's semantics: start_at after a paid period, grants next to renewing subscriptions, pause,
// resume after a cycle-end cancellation, and settlements reconciled against the ledger.
describe('billing subscription lifecycle end to end', () => {
  let s: BillingStack;
  let steps: ReturnType<typeof subscriptionSteps>;

  beforeAll(async () => {
    s = await startBillingStack();
    steps = subscriptionSteps(s);
  }, 120_000);

  afterAll(async () => {
    await s?.stop();
  });

  /** Razorpay's fee as documented for our account: 2% plus 18% GST on it, each rounded to the paisa. */
  const feeOf = (amount: number) => {
    const base = Math.round((amount * 2) / 100);
    return base + Math.round((base * 18) / 100);
  };
  const SUBSCRIBE = `mutation($input: SubscribeInput!) { subscribe(input: $input) { razorpaySubscriptionId } }`;
  const subscribeTo = async (headers: Record<string, string>, planId: string) =>
    (
      await expectData<{ subscribe: { razorpaySubscriptionId: string } }>(
        s.url,
        SUBSCRIBE,
        { input: { planId, idempotencyKey: `sub-${randomUUID()}` } },
        headers,
      )
    ).subscribe.razorpaySubscriptionId;
  const settledWebhooks = () =>
    eventually(async () =>
      (await s.db.prisma.webhookEvent.count({ where: { processedAt: null } })) === 0 ? true : undefined,
    );

  it('subscribing during a paid one-off period starts charging at its end: no day is paid twice', async () => {
    const buyer = await s.register();
    await s.buy(buyer.headers, { planId: planIds.PREMIUM });
    const oneOff = await s.db.prisma.subscription.findUniqueOrThrow({ where: { userId: buyer.userId } });
    const paidUntil = oneOff.currentPeriodEnd!;
    const id = await subscribeTo(buyer.headers, planIds.ENTERPRISE);
    const startAt = Math.ceil(paidUntil.getTime() / 1000);
    expect(s.razorpay.subscriptions.fetch(id).start_at).toBe(startAt);
    s.razorpay.subscriptions.authenticate(id);
    const linked = await steps.meWhen(buyer, (m) => m.subscription?.autoRenews === true, 'linked');
    // Authorised only: nothing charged, the paid PREMIUM period runs on unchanged.
    expect(linked).toMatchObject({
      tier: 'PREMIUM',
      subscription: { currentPeriodEnd: paidUntil.toISOString() },
    });
    expect(await steps.chargesOf(buyer.userId)).toEqual([]);
    s.razorpay.subscriptions.chargeCycle(id);
    const renewed = await steps.meWhen(buyer, (m) => m.tier === 'ENTERPRISE', 'first charge at start_at');
    const nextEnd = new Date(startAt * 1000);
    nextEnd.setUTCMonth(nextEnd.getUTCMonth() + 1);
    expect(renewed.subscription?.currentPeriodEnd).toBe(nextEnd.toISOString());
    const charges = await eventually(async () => {
      const found = await steps.chargesOf(buyer.userId);
      return found.length === 1 ? found : undefined;
    });
    expect([charges[0]!.amountMinor, charges[0]!.feeMinor]).toEqual([999_900n, BigInt(feeOf(999_900))]);
    const clearing = await s.db.prisma.ledgerPosting.findMany({
      where: { journal: { reference: `capture:${charges[0]!.id}` }, account: 'asset:razorpay_clearing' },
    });
    expect(clearing.map((p) => p.amountMinor)).toEqual([BigInt(999_900 - feeOf(999_900))]);
    // Deferred revenue: the two periods follow each other without overlap.
    const schedule = await s.db.prisma.revenueSchedule.findUniqueOrThrow({
      where: { paymentId: charges[0]!.id },
    });
    expect(schedule.periodStart.getTime()).toBe(startAt * 1000);
    expect(schedule.periodStart.getTime()).toBeGreaterThanOrEqual(paidUntil.getTime());
  });

  it('grantPlan refuses (CONFLICT, audited) while a subscription renews; after cancelling it ends it at Razorpay', async () => {
    const admin = await steps.admin();
    const buyer = await s.register();
    const id = await steps.subscribe(buyer, planIds.PREMIUM);
    const GRANT = `mutation($u: ID!) { grantPlan(userId: $u, tier: ENTERPRISE) { status autoRenews } }`;
    const refused = await postGraphQL(s.url, GRANT, { u: buyer.userId }, admin);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toContain('renewing Razorpay subscription that would keep charging');
    expect(s.razorpay.subscriptions.fetch(id).status).toBe('active');
    expect((await steps.me(buyer)).tier).toBe('PREMIUM');
    await expectData(s.url, `mutation { cancelSubscription { cancelAtPeriodEnd } }`, {}, buyer.headers);
    const granted = await expectData<{ grantPlan: { autoRenews: boolean } }>(
      s.url,
      GRANT,
      { u: buyer.userId },
      admin,
    );
    expect(granted.grantPlan.autoRenews).toBe(false);
    expect(s.razorpay.subscriptions.fetch(id).status).toBe('cancelled');
    expect(() => s.razorpay.subscriptions.chargeCycle(id)).toThrow('nothing to charge');
    await settledWebhooks();
    expect((await steps.me(buyer)).tier).toBe('ENTERPRISE');
    const audit = await s.db.prisma.billingAuditEntry.findMany({
      where: { targetUserId: buyer.userId },
      orderBy: { createdAt: 'asc' },
    });
    expect(
      audit.map((a) => [
        a.action,
        a.outcome,
        (a.details as { razorpaySubscriptionId?: string }).razorpaySubscriptionId ?? null,
      ]),
    ).toEqual([
      ['GRANT_PLAN', 'REFUSED', id],
      ['GRANT_PLAN', 'GRANTED', null],
    ]);
    expect((await steps.chargesOf(buyer.userId)).length).toBe(1);
  });

  it('resume after a cycle-end cancellation continues through a new subscription from the old end', async () => {
    const buyer = await s.register();
    const id = await steps.subscribe(buyer, planIds.PREMIUM);
    const oldEnd = s.razorpay.subscriptions.fetch(id).current_end!;
    await expectData(s.url, `mutation { cancelSubscription { cancelAtPeriodEnd } }`, {}, buyer.headers);
    const RESUME = `mutation { resumeSubscription { cancelAtPeriodEnd renewalCheckout { razorpaySubscriptionId shortUrl } } }`;
    type Resumed = {
      resumeSubscription: {
        cancelAtPeriodEnd: boolean;
        renewalCheckout: { razorpaySubscriptionId: string } | null;
      };
    };
    const first = await expectData<Resumed>(s.url, RESUME, {}, buyer.headers);
    const again = await expectData<Resumed>(s.url, RESUME, {}, buyer.headers);
    const next = first.resumeSubscription.renewalCheckout!.razorpaySubscriptionId;
    // Razorpay cannot withdraw the cancellation: a new subscription, the same one on every resume.
    expect(first.resumeSubscription.cancelAtPeriodEnd).toBe(true);
    expect(again.resumeSubscription.renewalCheckout!.razorpaySubscriptionId).toBe(next);
    expect(next).not.toBe(id);
    expect(s.razorpay.subscriptions.fetch(next).start_at).toBe(oldEnd);
    s.razorpay.subscriptions.authenticate(next);
    await steps.meWhen(buyer, (m) => m.subscription?.cancelAtPeriodEnd === false, 'renewal authorised');
    s.razorpay.subscriptions.chargeCycle(id);
    expect(s.razorpay.subscriptions.fetch(id).status).toBe('cancelled');
    s.razorpay.subscriptions.chargeCycle(next);
    const charges = await eventually(async () => {
      const found = await steps.chargesOf(buyer.userId);
      return found.length === 2 ? found.map((c) => c.amountMinor) : undefined;
    });
    expect(charges).toEqual([299_900n, 299_900n]);
    await settledWebhooks();
    const me = await steps.me(buyer);
    expect(me).toMatchObject({ tier: 'PREMIUM', subscription: { status: 'ACTIVE', autoRenews: true } });
    expect(me.subscription?.currentPeriodEnd).toBe(
      new Date(s.razorpay.subscriptions.fetch(next).current_end! * 1000).toISOString(),
    );
  });

  it('reconciles settlements against the ledger and reports an injected payout and fee mismatch', async () => {
    const admin = await steps.admin();
    const buyer = await s.register();
    await s.buy(buyer.headers, { planId: planIds.ENTERPRISE });
    await settledWebhooks();
    const RECONCILE = `mutation($since: DateTime!) { reconcilePayments(since: $since) { mismatches { razorpayPaymentId problem } } }`;
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const clean = s.razorpay.settlements.settle()!;
    type Run = { reconcilePayments: { mismatches: { razorpayPaymentId: string; problem: string }[] } };
    expect((await expectData<Run>(s.url, RECONCILE, { since }, admin)).reconcilePayments.mismatches).toEqual(
      [],
    );
    await s.buy((await s.register()).headers, { planId: planIds.PREMIUM });
    await settledWebhooks();
    const short = s.razorpay.settlements.settle()!;
    expect([short.amount, short.fees]).toEqual([299_900 - feeOf(299_900), feeOf(299_900)]);
    // Razorpay pays out one paisa less and reports one paisa more in fees than our ledger booked.
    short.amount -= 1;
    short.fees += 1;
    const run = await expectData<Run>(s.url, RECONCILE, { since }, admin);
    expect(run.reconcilePayments.mismatches).toEqual([
      {
        razorpayPaymentId: short.id,
        problem: `settlement amount ${299_900 - feeOf(299_900) - 1} at Razorpay, ${299_900 - feeOf(299_900)} in our ledger`,
      },
      {
        razorpayPaymentId: short.id,
        problem: `settlement fees ${feeOf(299_900) + 1} at Razorpay, ${feeOf(299_900)} in our ledger`,
      },
    ]);
    expect(clean.amount).toBeGreaterThan(0);
  });

  it('a paused subscription is charged nothing, keeps its tier to the paid end, then FREE until resumed', async () => {
    const buyer = await s.register();
    const id = await steps.subscribe(buyer, planIds.PREMIUM);
    const PAUSE = `mutation { pauseSubscription { status } }`;
    expect(
      (await expectData<{ pauseSubscription: { status: string } }>(s.url, PAUSE, {}, buyer.headers))
        .pauseSubscription.status,
    ).toBe('PAUSED');
    expect(s.razorpay.subscriptions.fetch(id).status).toBe('paused');
    expect(() => s.razorpay.subscriptions.chargeCycle(id)).toThrow('nothing to charge');
    expect(await steps.me(buyer)).toMatchObject({ tier: 'PREMIUM', subscription: { status: 'PAUSED' } });
    const row = await s.db.prisma.subscription.findUniqueOrThrow({ where: { userId: buyer.userId } });
    await runSubscriptionCycle(s.db.prisma, new Date(row.currentPeriodEnd!.getTime() + 1000));
    expect(await steps.me(buyer)).toMatchObject({ tier: 'FREE', subscription: { status: 'PAUSED' } });
    const again = await postGraphQL(s.url, PAUSE, {}, buyer.headers);
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await expectData(s.url, `mutation { resumeSubscription { status } }`, {}, buyer.headers);
    s.razorpay.subscriptions.chargeCycle(id);
    await steps.meWhen(buyer, (m) => m.tier === 'PREMIUM' && m.subscription?.status === 'ACTIVE', 'resumed');
    const changes = await s.db.prisma.subscriptionChange.findMany({
      where: { userId: buyer.userId },
      orderBy: { at: 'asc' },
    });
    expect(changes.map((c) => [c.status, c.tier]).slice(-3)).toEqual([
      ['PAUSED', 'PREMIUM'],
      ['PAUSED', 'FREE'],
      ['ACTIVE', 'PREMIUM'],
    ]);
    const charges = await eventually(async () => {
      const found = await steps.chargesOf(buyer.userId);
      return found.length === 2 ? found.map((c) => c.amountMinor) : undefined;
    });
    expect(charges).toEqual([299_900n, 299_900n]);
  });
});
