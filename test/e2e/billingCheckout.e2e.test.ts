import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { courseIds, planIds } from '../../prisma/seed/data';
import { demoSeller } from '../../subgraphs/billing/sellerSettings';
import { hmacSha256Hex } from '../../subgraphs/billing/services/signatures';
import { eventually } from '../support/env';
import { liveClient } from '../support/liveSignalsClient';
import { expectData, postGraphQL } from '../support/graphqlClient';
import { startBillingStack, type BillingStack } from './billingHarness';

// Billing through the gateway: Razorpay is our compatible server, its webhooks reach billing through
// the gateway's POST /webhooks/razorpay, events travel over the real Kafka broker.
describe('billing end to end', () => {
  let s: BillingStack;
  const paidCourse = courseIds.technicalAnalysis;

  beforeAll(async () => {
    s = await startBillingStack();
  }, 120_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('lists the plans with exact prices at each interval', async () => {
    const data = await expectData<{
      monthly: { tier: string; price: { amount: string } }[];
      yearly: { tier: string; price: { amount: string } }[];
    }>(
      s.url,
      `{ monthly: plans { tier price { amount } } yearly: plans(interval: "YEAR") { tier price { amount } } }`,
    );
    expect(data.monthly).toEqual([
      { tier: 'FREE', price: { amount: '0.00' } },
      { tier: 'PREMIUM', price: { amount: '2999.00' } },
      { tier: 'ENTERPRISE', price: { amount: '9999.00' } },
    ]);
    expect(data.yearly).toEqual([
      { tier: 'PREMIUM', price: { amount: '11988.00' } },
      { tier: 'ENTERPRISE', price: { amount: '119988.00' } },
    ]);
  });

  it('replays an idempotency key with the first result and refuses it with other input', async () => {
    const buyer = await s.register();
    const input = { courseId: paidCourse, idempotencyKey: `course-${randomUUID()}` };
    const first = await s.createOrder(buyer.headers, input);
    const again = await s.createOrder(buyer.headers, input);
    expect(first.data?.createOrder.amount.amount).toBe('24000.00');
    expect(again.data?.createOrder).toEqual(first.data?.createOrder);
    const changed = await s.createOrder(buyer.headers, { ...input, courseId: courseIds.optionsNse });
    expect(changed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await s.db.prisma.paymentOrder.count({ where: { userId: buyer.userId } })).toBe(1);
  });

  it('refuses a forged checkout signature and captures a genuine one', async () => {
    const buyer = await s.register();
    const order = await s.createOrder(buyer.headers, {
      courseId: paidCourse,
      idempotencyKey: `k-${randomUUID()}`,
    });
    const paid = s.razorpay.checkout(order.data!.createOrder.razorpayOrderId);
    if (!('razorpay_signature' in paid)) throw new Error('checkout failed');
    const forged = await s.verify(buyer.headers, {
      razorpayOrderId: paid.razorpay_order_id,
      razorpayPaymentId: paid.razorpay_payment_id,
      razorpaySignature: hmacSha256Hex(
        'wrong-secret',
        `${paid.razorpay_order_id}|${paid.razorpay_payment_id}`,
      ),
    });
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const genuine = await s.verify(buyer.headers, {
      razorpayOrderId: paid.razorpay_order_id,
      razorpayPaymentId: paid.razorpay_payment_id,
      razorpaySignature: paid.razorpay_signature,
    });
    expect(genuine.data?.verifyPayment).toMatchObject({ status: 'CAPTURED', amount: { amount: '24000.00' } });
    expect(s.razorpay.store.payments.get(paid.razorpay_payment_id)?.status).toBe('captured');
  });

  it('enrols on a captured course payment and revokes the enrolment on a full refund', async () => {
    const buyer = await s.register();
    const { payment } = await s.buy(buyer.headers, { courseId: paidCourse });
    const enrolment = () =>
      expectData<{ me: { enrollments: { status: string; course: { id: string } }[] } }>(
        s.url,
        `{ me { enrollments { status course { id } } } }`,
        {},
        buyer.headers,
      ).then((d) => d.me.enrollments.find((e) => e.course.id === paidCourse)?.status);
    await eventually(async () => ((await enrolment()) === 'ACTIVE' ? true : undefined), 30_000, 'enrolment');
    const refund = await expectData<{ refundPayment: { amount: { amount: string } } }>(
      s.url,
      `mutation($input: RefundPaymentInput!) { refundPayment(input: $input) { amount { amount } } }`,
      { input: { paymentId: payment.id, idempotencyKey: `refund-${randomUUID()}` } },
      buyer.headers,
    );
    expect(refund.refundPayment.amount.amount).toBe('24000.00');
    await eventually(
      async () => ((await enrolment()) === 'CANCELLED' ? true : undefined),
      30_000,
      'revocation',
    );
  });

  it('a paid plan changes me.tier, and the token tier after the next refresh', async () => {
    const buyer = await s.register();
    await s.buy(buyer.headers, { planId: planIds.PREMIUM });
    const me = await expectData<{ me: { tier: string; subscription: { plan: { tier: string } } } }>(
      s.url,
      `{ me { tier subscription { plan { tier } } } }`,
      {},
      buyer.headers,
    );
    expect(me.me).toEqual({ tier: 'PREMIUM', subscription: { plan: { tier: 'PREMIUM' } } });
    let refreshToken = buyer.refreshToken;
    const claim = await eventually(
      async () => {
        const result = await expectData<{ refreshSession: { accessToken: string; refreshToken: string } }>(
          s.url,
          `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`,
          { t: refreshToken },
        );
        refreshToken = result.refreshSession.refreshToken;
        const tier = decodeJwt(result.refreshSession.accessToken).tier;
        return tier === 'PREMIUM' ? tier : undefined;
      },
      30_000,
      'PREMIUM tier claim',
    );
    expect(claim).toBe('PREMIUM');
  });

  it("applies a paid plan to the buyer's next request and open socket, before any token refresh", async () => {
    const buyer = await s.register();
    const { signalSources } = await expectData<{ signalSources: { id: string; kind: string }[] }>(
      s.url,
      '{ signalSources { id kind } }',
      {},
      buyer.headers,
    );
    const strategy = signalSources.find((source) => source.kind === 'STRATEGY')!;
    const follow = () =>
      postGraphQL<{ followSignalSource: { id: string } }>(
        s.url,
        `mutation($input: FollowSignalSourceInput!) { followSignalSource(input: $input) { id } }`,
        {
          input: { sourceId: strategy.id, sizing: 'FIXED_QUANTITY', sizingValue: '0.01' },
        },
        buyer.headers,
      );
    // The FREE token: following a source needs PREMIUM.
    expect((await follow()).errors?.[0]?.extensions?.code).toBe('PAYMENT_REQUIRED');
    const live = liveClient(s.url, buyer.headers.authorization.replace(/^Bearer /, ''));
    try {
      live.subscribe(`subscription { signalPublished { id } }`);
      await s.buy(buyer.headers, { planId: planIds.PREMIUM });
      // Same token, no refresh: once identity has the new tier, the gateway applies it.
      const followed = await eventually(
        async () => {
          const result = await follow();
          return result.errors?.[0]?.extensions?.code === 'PAYMENT_REQUIRED' ? undefined : result;
        },
        30_000,
        'the PREMIUM tier on the old token',
      );
      expect(followed.errors).toBeUndefined();
      expect(followed.data?.followSignalSource.id).toEqual(expect.any(String));
      // The socket opened as FREE is told to reconnect; a reconnect with the same token is PREMIUM.
      const closed = await eventually(
        async () => live.closes.find((close) => close.code === 4403),
        10_000,
        'the socket closed 4403',
      );
      expect(closed.reason).toMatch(/tier changed/i);
    } finally {
      await live.dispose();
    }
  });

  it('sends an invoice with a sequential number and the GST split by place of supply', async () => {
    const buyer = await s.register();
    await s.buy(buyer.headers, { courseId: paidCourse });
    await s.buy(buyer.headers, { courseId: courseIds.optionsNse, placeOfSupply: 'KA' });
    const data = await expectData<{
      me: {
        invoices: {
          number: string;
          placeOfSupply: string;
          taxable: { amount: string };
          cgst: { amount: string };
          sgst: { amount: string };
          igst: { amount: string };
          total: { amount: string };
          html: string;
        }[];
      };
    }>(
      s.url,
      `{ me { invoices { number placeOfSupply taxable { amount } cgst { amount } sgst { amount } igst { amount } total { amount } html } } }`,
      {},
      buyer.headers,
    );
    const [interState, intraState] = data.me.invoices;
    // ₹24,000 within Maharashtra: 18% GST inside the price, halved into CGST and SGST.
    expect(intraState).toMatchObject({
      placeOfSupply: 'MH',
      total: { amount: '24000.00' },
      taxable: { amount: '20338.98' },
      cgst: { amount: '1830.51' },
      sgst: { amount: '1830.51' },
      igst: { amount: '0.00' },
    });
    // ₹8,00,000 to Karnataka: all IGST.
    expect(interState).toMatchObject({
      placeOfSupply: 'KA',
      total: { amount: '800000.00' },
      taxable: { amount: '677966.10' },
      igst: { amount: '122033.90' },
      cgst: { amount: '0.00' },
    });
    const sequence = (n: string) => Number(n.split('/')[2]);
    expect(sequence(interState!.number)).toBe(sequence(intraState!.number) + 1);
    expect(intraState!.html).toContain(intraState!.number);
  });
  it('prints the buyer GSTIN on a B2B invoice, in its state, and the seller as configured', async () => {
    const buyer = await s.register();
    const bad = await s.createOrder(buyer.headers, {
      courseId: paidCourse,
      idempotencyKey: `b2b-${randomUUID()}`,
      buyerGstin: '29AAGCB7383J1Z5',
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'buyerGstin' });
    await s.buy(buyer.headers, { courseId: paidCourse, buyerGstin: '29aagcb7383j1z4' });
    const data = await expectData<{
      me: {
        invoices: {
          placeOfSupply: string;
          igst: { amount: string };
          sellerName: string;
          sellerGstin: string;
          buyerGstin: string | null;
          html: string;
        }[];
      };
    }>(
      s.url,
      '{ me { invoices { placeOfSupply igst { amount } sellerName sellerGstin buyerGstin html } } }',
      {},
      buyer.headers,
    );
    const [invoice] = data.me.invoices;
    // A Karnataka business buying from Maharashtra: inter-state, all IGST.
    expect(invoice).toMatchObject({
      placeOfSupply: 'KA',
      igst: { amount: '3661.02' },
      sellerName: demoSeller.name,
      sellerGstin: demoSeller.gstin,
      buyerGstin: '29AAGCB7383J1Z4',
    });
    expect(invoice!.html).toContain('Buyer GSTIN 29AAGCB7383J1Z4');
    expect(invoice!.html).toContain(`GSTIN ${demoSeller.gstin}`);
    expect(invoice!.html).not.toContain('27AABCT1234F1Z5');
  });
});
