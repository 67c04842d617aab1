import { randomUUID } from 'node:crypto';
import { planIds } from '../../prisma/seed/data';
import { eventually } from '../support/env';
import { expectData, postGraphQL } from '../support/graphqlClient';
import { startBillingStack, type BillingStack } from './billingHarness';
import { subscriptionSteps } from './billingSubscriptionSteps';

// Renewing subscriptions through the gateway: our Razorpay server charges each cycle when the test
// says so and sends signed subscription.* webhooks to POST /webhooks/razorpay; tiers reach identity
// over the real Kafka broker.
describe('billing subscriptions end to end', () => {
  let s: BillingStack;
  let steps: ReturnType<typeof subscriptionSteps>;
  const DAY = 86_400_000;

  beforeAll(async () => {
    s = await startBillingStack();
    steps = subscriptionSteps(s);
  }, 120_000);

  afterAll(async () => {
    await s?.stop();
  });

  const postingsSum = async () =>
    (await s.db.prisma.ledgerPosting.aggregate({ _sum: { amountMinor: true } }))._sum.amountMinor;

  it('renews every cycle and posts a charge once even when its webhook arrives 3 times', async () => {
    const buyer = await s.register();
    const id = await steps.subscribe(buyer, planIds.PREMIUM);
    const first = await steps.me(buyer);
    expect(first).toMatchObject({ tier: 'PREMIUM', subscription: { status: 'ACTIVE', autoRenews: true } });

    s.razorpay.webhooks.setUrl(undefined);
    s.razorpay.subscriptions.chargeCycle(id);
    s.webhooksOn();
    const sub = s.razorpay.subscriptions.fetch(id);
    const payment = [...s.razorpay.store.payments.values()].pop()!;
    const body = JSON.stringify({
      entity: 'event',
      account_id: 'acc_TradeSchool0001',
      event: 'subscription.charged',
      contains: ['subscription', 'payment'],
      payload: { subscription: { entity: sub }, payment: { entity: payment } },
      created_at: Math.floor(Date.now() / 1000),
    });
    // Once under one event id twice (Razorpay's retry), once under another id (a duplicate event).
    const deliveries = await Promise.all([
      s.deliver(body, `evt_R1${id.slice(4)}`),
      s.deliver(body, `evt_R1${id.slice(4)}`),
      s.deliver(body, `evt_R2${id.slice(4)}`),
    ]);
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
    const renewed = await steps.meWhen(
      buyer,
      (m) => m.subscription?.currentPeriodEnd === new Date(sub.current_end! * 1000).toISOString(),
      'renewal',
    );
    expect(renewed.subscription?.status).toBe('ACTIVE');
    await eventually(async () =>
      (await s.db.prisma.webhookEvent.count({ where: { processedAt: null } })) === 0 ? true : undefined,
    );
    const charges = await steps.chargesOf(buyer.userId);
    expect(charges.map((c) => [c.status, c.amountMinor])).toEqual([
      ['CAPTURED', 299_900n],
      ['CAPTURED', 299_900n],
    ]);
    const renewal = charges[1]!;
    expect(await s.db.prisma.ledgerJournal.count({ where: { paymentId: renewal.id } })).toBe(1);
    expect(await s.db.prisma.invoice.count({ where: { paymentId: renewal.id } })).toBe(1);
    expect(await s.db.prisma.revenueSchedule.count({ where: { paymentId: renewal.id } })).toBe(1);
    expect(await postingsSum()).toBe(0n);
  });

  it('failed charges are retried, then the subscription halts and the token tier falls to FREE', async () => {
    const buyer = await s.register();
    const id = await steps.subscribe(buyer, planIds.PREMIUM);
    expect(await steps.tokenTier(buyer, 'PREMIUM')).toBe('PREMIUM');
    s.razorpay.subscriptions.chargeCycle(id, { fail: true });
    const pastDue = await steps.meWhen(buyer, (m) => m.subscription?.status === 'PAST_DUE', 'past due');
    // Grace: the tier holds while Razorpay retries.
    expect(pastDue.tier).toBe('PREMIUM');
    s.razorpay.subscriptions.chargeCycle(id, { fail: true });
    s.razorpay.subscriptions.chargeCycle(id, { fail: true });
    const halted = await steps.meWhen(buyer, (m) => m.subscription?.status === 'HALTED', 'halted');
    expect(halted.tier).toBe('FREE');
    expect(await steps.tokenTier(buyer, 'FREE')).toBe('FREE');
    const announced = await s.db.prisma.billingOutboxEvent.findMany({
      where: { type: 'SubscriptionChanged', key: buyer.userId },
      orderBy: { sequence: 'asc' },
    });
    expect(announced.map((e) => (e.payload as { status: string }).status).slice(-2)).toEqual([
      'PAST_DUE',
      'HALTED',
    ]);
    expect((announced.at(-1)!.payload as { tier: string }).tier).toBe('FREE');
  });

  it('cancel at period end keeps the tier until the period ends, then falls back to FREE', async () => {
    const buyer = await s.register();
    const id = await steps.subscribe(buyer, planIds.PREMIUM);
    const CANCEL = `mutation { cancelSubscription { cancelAtPeriodEnd status } }`;
    const cancelled = await expectData<{ cancelSubscription: { cancelAtPeriodEnd: boolean } }>(
      s.url,
      CANCEL,
      {},
      buyer.headers,
    );
    expect(cancelled.cancelSubscription.cancelAtPeriodEnd).toBe(true);
    expect(s.razorpay.subscriptions.fetch(id).status).toBe('active');
    expect(await steps.me(buyer)).toMatchObject({ tier: 'PREMIUM', subscription: { status: 'ACTIVE' } });
    // The cycle ends at Razorpay: no charge, subscription.cancelled.
    s.razorpay.subscriptions.chargeCycle(id);
    expect(s.razorpay.subscriptions.fetch(id).status).toBe('cancelled');
    const after = await steps.meWhen(buyer, (m) => m.tier === 'FREE', 'fall back to FREE');
    expect(after.subscription).toMatchObject({ autoRenews: false, plan: { tier: 'FREE' } });
    expect((await steps.chargesOf(buyer.userId)).length).toBe(1);
  });

  it('an upgrade charges the exact prorated difference and moves Razorpay to the new plan', async () => {
    const buyer = await s.register();
    const id = await steps.subscribe(buyer, planIds.PREMIUM);
    const row = await s.db.prisma.subscription.findUniqueOrThrow({ where: { userId: buyer.userId } });
    const order = await s.createOrder(buyer.headers, {
      planId: planIds.ENTERPRISE,
      idempotencyKey: `up-${randomUUID()}`,
    });
    const stored = await s.db.prisma.paymentOrder.findUniqueOrThrow({
      where: { id: order.data!.createOrder.id },
    });
    // Independently: whole days, the current day used; each share rounded half up to the paisa.
    const end = row.currentPeriodEnd!.getTime();
    const periodDays = Math.round((end - row.currentPeriodStart.getTime()) / DAY);
    const unusedDays = Math.floor((end - stored.createdAt.getTime()) / DAY);
    const credit = Math.round((299_900 * unusedDays) / periodDays);
    const charge = Math.round((999_900 * unusedDays) / periodDays) - credit;
    expect(periodDays).toBeGreaterThanOrEqual(28);
    expect([stored.amountMinor, stored.creditMinor]).toEqual([BigInt(charge), BigInt(credit)]);
    expect(order.data!.createOrder.amount.amount).toBe((charge / 100).toFixed(2));

    const paid = s.razorpay.checkout(order.data!.createOrder.razorpayOrderId);
    if (!('razorpay_signature' in paid)) throw new Error('checkout failed');
    await expectData(
      s.url,
      `mutation($input: VerifyPaymentInput!) { verifyPayment(input: $input) { status } }`,
      {
        input: {
          razorpayOrderId: paid.razorpay_order_id,
          razorpayPaymentId: paid.razorpay_payment_id,
          razorpaySignature: paid.razorpay_signature,
        },
      },
      buyer.headers,
    );
    const upgraded = await steps.me(buyer);
    expect(upgraded).toMatchObject({ tier: 'ENTERPRISE', subscription: { autoRenews: true } });
    expect(upgraded.subscription?.currentPeriodEnd).toBe(row.currentPeriodEnd!.toISOString());
    const enterprise = await s.db.prisma.plan.findUniqueOrThrow({ where: { id: planIds.ENTERPRISE } });
    expect(s.razorpay.subscriptions.fetch(id).plan_id).toBe(enterprise.razorpayPlanId);
    const renewals = async (n: number) =>
      eventually(async () => {
        const charges = await steps.chargesOf(buyer.userId);
        return charges.length === n ? charges.map((c) => c.amountMinor) : undefined;
      });
    // The next renewal charges the new price; a downgrade waits for the cycle end, then charges less.
    s.razorpay.subscriptions.chargeCycle(id);
    expect(await renewals(2)).toEqual([299_900n, 999_900n]);
    await expectData(
      s.url,
      `mutation($p: ID!) { changePlan(planId: $p) { id } }`,
      { p: planIds.PREMIUM },
      buyer.headers,
    );
    expect((await steps.me(buyer)).tier).toBe('ENTERPRISE');
    s.razorpay.subscriptions.chargeCycle(id);
    expect(await renewals(3)).toEqual([299_900n, 999_900n, 299_900n]);
    await steps.meWhen(buyer, (m) => m.tier === 'PREMIUM', 'downgrade at the cycle end');
  });

  it('recognition earns plan revenue over the period: deferred revenue is zero at its end', async () => {
    const buyer = await s.register();
    await steps.subscribe(buyer, planIds.PREMIUM);
    const [charge] = await steps.chargesOf(buyer.userId);
    const schedule = await s.db.prisma.revenueSchedule.findUniqueOrThrow({
      where: { paymentId: charge!.id },
    });
    // ₹2,999 includes 18% GST: ₹2,541.53 is earned over the period.
    expect(schedule.amountMinor).toBe(254_153n);
    const deferred = async () =>
      (
        await s.db.prisma.ledgerPosting.aggregate({
          where: { account: 'liability:deferred_revenue', journal: { paymentId: charge!.id } },
          _sum: { amountMinor: true },
        })
      )._sum.amountMinor;
    expect(await deferred()).toBe(-254_153n);
    const admin = await steps.admin();
    const RUN = `mutation($asOf: DateTime) { runRevenueRecognition(asOf: $asOf) { schedules recognized { amount } } }`;
    const midway = new Date(schedule.periodStart.getTime() + 10 * DAY + 3_600_000).toISOString();
    await expectData(s.url, RUN, { asOf: midway }, admin);
    const days = Math.ceil((schedule.periodEnd.getTime() - schedule.periodStart.getTime()) / DAY);
    const earnedMidway = (254_153n * 10n) / BigInt(days);
    expect(await deferred()).toBe(-(254_153n - earnedMidway));
    await expectData(s.url, RUN, { asOf: midway }, admin);
    expect(await deferred()).toBe(-(254_153n - earnedMidway));
    await expectData(s.url, RUN, { asOf: schedule.periodEnd.toISOString() }, admin);
    expect(await deferred()).toBe(0n);
    expect(await postingsSum()).toBe(0n);
    const byCustomer = await postGraphQL(s.url, RUN, { asOf: midway }, buyer.headers);
    expect(byCustomer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('the reconciliation report keeps an injected mismatch and admins read it back', async () => {
    const admin = await steps.admin();
    await eventually(async () =>
      (await s.db.prisma.webhookEvent.count({ where: { processedAt: null } })) === 0 ? true : undefined,
    );
    // A payment captured at Razorpay that never reached us (webhooks off).
    s.razorpay.webhooks.setUrl(undefined);
    const stray = s.razorpay.store.createOrder({ amount: 50_000, currency: 'INR', payment_capture: true });
    const strayPayment = s.razorpay.store.pay(stray.id);
    s.webhooksOn();
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const run = await expectData<{ reconcilePayments: { id: string; trigger: string } }>(
      s.url,
      `mutation($since: DateTime!) { reconcilePayments(since: $since) { id trigger } }`,
      { since },
      admin,
    );
    expect(run.reconcilePayments.trigger).toBe('MANUAL');
    const reports = await expectData<{
      reconciliationReports: { id: string; mismatches: { razorpayPaymentId: string; problem: string }[] }[];
    }>(
      s.url,
      `{ reconciliationReports(first: 5) { id mismatches { razorpayPaymentId problem } } }`,
      {},
      admin,
    );
    expect(reports.reconciliationReports[0]).toEqual({
      id: run.reconcilePayments.id,
      mismatches: [{ razorpayPaymentId: strayPayment.id, problem: 'captured at Razorpay, unknown here' }],
    });
  });
});
