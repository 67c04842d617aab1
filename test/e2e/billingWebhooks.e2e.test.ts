import { randomUUID } from 'node:crypto';
import { courseIds } from '../../prisma/seed/data';
import { eventually } from '../support/env';
import { expectData, postGraphQL } from '../support/graphqlClient';
import { startBillingStack, type BillingStack } from './billingHarness';

// Razorpay webhooks reach billing through the gateway's POST /webhooks/razorpay (tampered, repeated and
// out of order), then refunds, amounts above 2^31 paise, the ledger and reconciliation with Razorpay.
describe('billing webhooks, refunds and the ledger end to end', () => {
  let s: BillingStack;
  const since = new Date(Date.now() - 60_000).toISOString();

  beforeAll(async () => {
    s = await startBillingStack();
  }, 120_000);

  afterAll(async () => {
    await s?.stop();
  });

  afterEach(() => s.webhooksOn());

  const ours = (razorpayPaymentId: string) =>
    s.db.prisma.payment.findUnique({ where: { razorpayPaymentId } });
  /** Until the worker has processed every stored event of `eventIds` (dedupes are one row). */
  const processed = (eventIds: string[], rows: number) =>
    eventually(
      async () =>
        (await s.db.prisma.webhookEvent.count({
          where: { eventId: { in: eventIds }, processedAt: { not: null } },
        })) === rows
          ? true
          : undefined,
      20_000,
      'the webhook worker',
    );
  const capturedAtRazorpay = (id: string) =>
    s.razorpay.store.capture(id, { amount: s.razorpay.store.fetchPayment(id).amount });
  const postingsSum = async () =>
    (await s.db.prisma.ledgerPosting.aggregate({ _sum: { amountMinor: true } }))._sum.amountMinor;

  it('answers 400 to a 1-byte-changed body or a wrong secret, with no effect', async () => {
    const buyer = await s.register();
    const paymentId = await s.payQuietly(buyer.headers, { courseId: courseIds.technicalAnalysis });
    capturedAtRazorpay(paymentId);
    const body = s.paymentEvent('payment.captured', paymentId);
    const tampered = body.replace('"amount":2400000', '"amount":2400001');
    expect(tampered).not.toBe(body);
    expect((await s.deliver(tampered, 'evt_Tampered000001', { bytes: body })).status).toBe(400);
    expect((await s.deliver(body, 'evt_WrongSecret001', { secret: 'not-the-webhook-secret' })).status).toBe(
      400,
    );
    expect(await ours(paymentId)).toBeNull();
    // The untouched body with the right secret is taken. It is the sentinel too: the worker claims stored
    // events oldest first, so once it is processed, a stored rejected delivery would have been as well.
    expect((await s.deliver(body, 'evt_Genuine0000001')).status).toBe(200);
    await eventually(async () => ((await ours(paymentId))?.status === 'CAPTURED' ? true : undefined));
    await processed(['evt_Genuine0000001'], 1);
    expect(
      await s.db.prisma.webhookEvent.count({
        where: { eventId: { in: ['evt_Tampered000001', 'evt_WrongSecret001'] } },
      }),
    ).toBe(0);
  });

  it('applies the same webhook delivered 5 times concurrently once: one capture, one set of postings', async () => {
    const buyer = await s.register();
    const paymentId = await s.payQuietly(buyer.headers, { courseId: courseIds.technicalAnalysis });
    capturedAtRazorpay(paymentId);
    const body = s.paymentEvent('payment.captured', paymentId);
    const orderPaid = s.paymentEvent('order.paid', paymentId);
    const deliveries = await Promise.all([
      ...Array.from({ length: 5 }, () => s.deliver(body, `evt_Same${paymentId.slice(4)}`)),
      // And other events saying the same, under their own ids, at the same moment.
      ...Array.from({ length: 3 }, (_, i) => s.deliver(orderPaid, `evt_Paid${i}${paymentId.slice(5)}`)),
    ]);
    expect(deliveries.map((d) => d.status)).toEqual(Array(8).fill(200));
    // Answered without doing the work inline (Razorpay wants 2xx within 5 s).
    expect(Math.max(...deliveries.map((d) => d.ms))).toBeLessThan(2_000);
    const payment = await eventually(async () => {
      const row = await ours(paymentId);
      return row?.status === 'CAPTURED' ? row : undefined;
    });
    // Every delivery's row processed: a second application would have happened by now.
    await processed(
      [`evt_Same${paymentId.slice(4)}`, ...[0, 1, 2].map((i) => `evt_Paid${i}${paymentId.slice(5)}`)],
      4,
    );
    expect(await s.db.prisma.ledgerJournal.count({ where: { paymentId: payment.id } })).toBe(2);
    expect(await s.db.prisma.ledgerPosting.count({ where: { journal: { paymentId: payment.id } } })).toBe(6);
    expect(await s.db.prisma.invoice.count({ where: { paymentId: payment.id } })).toBe(1);
    const events = await s.db.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM billing.outbox_event WHERE type = 'PaymentCaptured' AND payload->>'paymentId' = $1`,
      payment.id,
    );
    expect(events[0]!.n).toBe(1n);
    expect(await postingsSum()).toBe(0n);
  });

  it('ends captured when captured arrives before authorized, and a late failure changes nothing', async () => {
    const buyer = await s.register();
    const paymentId = await s.payQuietly(buyer.headers, { courseId: courseIds.technicalAnalysis });
    const authorized = s.paymentEvent('payment.authorized', paymentId);
    capturedAtRazorpay(paymentId);
    const captured = s.paymentEvent('payment.captured', paymentId);
    expect((await s.deliver(captured, `evt_C${paymentId.slice(4)}`)).status).toBe(200);
    await eventually(async () => ((await ours(paymentId))?.status === 'CAPTURED' ? true : undefined));
    expect((await s.deliver(authorized, `evt_A${paymentId.slice(4)}`)).status).toBe(200);
    const failed = s.paymentEvent('payment.failed', paymentId, 'failed');
    expect((await s.deliver(failed, `evt_F${paymentId.slice(4)}`)).status).toBe(200);
    await eventually(async () =>
      (await s.db.prisma.webhookEvent.count({
        where: {
          eventId: { in: [`evt_A${paymentId.slice(4)}`, `evt_F${paymentId.slice(4)}`] },
          processedAt: { not: null },
        },
      })) === 2
        ? true
        : undefined,
    );
    const payment = await ours(paymentId);
    expect(payment?.status).toBe('CAPTURED');
    expect(await s.db.prisma.ledgerJournal.count({ where: { paymentId: payment!.id } })).toBe(2);
  });

  const REFUND = `mutation($input: RefundPaymentInput!) { refundPayment(input: $input) { id amount { amount } } }`;
  const refund = (headers: Record<string, string>, input: Record<string, unknown>) =>
    postGraphQL<{ refundPayment: { id: string; amount: { amount: string } } }>(
      s.url,
      REFUND,
      { input },
      headers,
    );

  it('refunds in parts, idempotently; a reused key with other input is a CONFLICT; large refunds need an ADMIN', async () => {
    const buyer = await s.register();
    const { payment } = await s.buy(buyer.headers, { courseId: courseIds.cryptoRisk });
    const key = `refund-${randomUUID()}`;
    const first = await refund(buyer.headers, {
      paymentId: payment.id,
      amount: '1000.50',
      idempotencyKey: key,
    });
    const replay = await refund(buyer.headers, {
      paymentId: payment.id,
      amount: '1000.50',
      idempotencyKey: key,
    });
    expect(replay.data?.refundPayment).toEqual(first.data?.refundPayment);
    const reused = await refund(buyer.headers, {
      paymentId: payment.id,
      amount: '2000.00',
      idempotencyKey: key,
    });
    expect(reused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // ₹97,999.50 left, above the ₹25,000 self-service limit.
    const rest = await refund(buyer.headers, {
      paymentId: payment.id,
      idempotencyKey: `rest-${randomUUID()}`,
    });
    expect(rest.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await s.login('admin@demo.test');
    const byAdmin = await refund(
      { authorization: admin.authorization },
      { paymentId: payment.id, idempotencyKey: `rest-${randomUUID()}` },
    );
    expect(byAdmin.data?.refundPayment.amount.amount).toBe('97999.50');
    const over = await refund(
      { authorization: admin.authorization },
      { paymentId: payment.id, amount: '1.00', idempotencyKey: `over-${randomUUID()}` },
    );
    expect(over.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const row = await s.db.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect([row.status, row.refundedMinor]).toEqual(['REFUNDED', 9_900_000n]);
    expect(s.razorpay.store.payments.get(row.razorpayPaymentId)?.amount_refunded).toBe(9_900_000);
    expect(await postingsSum()).toBe(0n);
  });

  it('round-trips amounts above 2^31 paise exactly, flags them for review and balances the ledger', async () => {
    const courseId = randomUUID();
    // ₹3,00,00,000.12: more paise than a 32-bit GraphQL Int holds.
    await s.db.prisma.coursePrice.create({
      data: { courseId, title: 'Desk mentorship', priceMinor: 3_000_000_012n },
    });
    const buyer = await s.register();
    const { order, payment } = await s.buy(buyer.headers, { courseId });
    expect(order.amount.amount).toBe('30000000.12');
    expect(payment.amount.amount).toBe('30000000.12');
    const admin = { authorization: (await s.login('admin@demo.test')).authorization };
    const partial = await refund(admin, {
      paymentId: payment.id,
      amount: '21474836.49',
      idempotencyKey: `big-${randomUUID()}`,
    });
    expect(partial.data?.refundPayment.amount.amount).toBe('21474836.49');
    const after = await expectData<{ payment: { refunded: { amount: string }; status: string } }>(
      s.url,
      `query($id: ID!) { payment(id: $id) { refunded { amount } status } }`,
      { id: payment.id },
      admin,
    );
    expect(after.payment).toEqual({ refunded: { amount: '21474836.49' }, status: 'PARTIALLY_REFUNDED' });
    const reviews = await expectData<{ complianceReviews: { rule: string; payment: { id: string } }[] }>(
      s.url,
      `{ complianceReviews { rule payment { id } } }`,
      {},
      admin,
    );
    expect(
      reviews.complianceReviews
        .filter((r) => r.payment.id === payment.id)
        .map((r) => r.rule)
        .sort(),
    ).toEqual(['DAILY_TOTAL_ABOVE_LIMIT', 'SINGLE_PAYMENT_ABOVE_LIMIT']);
    const balances = await expectData<{ ledgerBalances: { account: string; balance: { amount: string } }[] }>(
      s.url,
      `{ ledgerBalances { account balance { amount } } }`,
      {},
      admin,
    );
    for (const { balance } of balances.ledgerBalances.filter((b) => !b.account.startsWith('asset:'))) {
      expect(balance.amount.startsWith('-')).toBe(false);
    }
    expect(await postingsSum()).toBe(0n);
  });

  it('reconciles our payments with Razorpay and reports a refund we never heard of', async () => {
    const admin = { authorization: (await s.login('admin@demo.test')).authorization };
    const RECONCILE = `mutation($since: DateTime!) { reconcilePayments(since: $since) { checkedPayments mismatches { razorpayPaymentId problem } } }`;
    await eventually(async () =>
      (await s.db.prisma.webhookEvent.count({ where: { processedAt: null } })) === 0 ? true : undefined,
    );
    const clean = await expectData<{ reconcilePayments: { checkedPayments: number; mismatches: unknown[] } }>(
      s.url,
      RECONCILE,
      { since },
      admin,
    );
    expect(clean.reconcilePayments.mismatches).toEqual([]);
    expect(clean.reconcilePayments.checkedPayments).toBeGreaterThan(3);
    const buyer = await s.register();
    const { razorpayPaymentId } = await s.buy(buyer.headers, { courseId: courseIds.technicalAnalysis });
    s.razorpay.webhooks.setUrl(undefined);
    s.razorpay.store.refund(razorpayPaymentId, { amount: 10_000 });
    const report = await expectData<{
      reconcilePayments: { mismatches: { razorpayPaymentId: string; problem: string }[] };
    }>(s.url, RECONCILE, { since }, admin);
    expect(report.reconcilePayments.mismatches).toEqual([
      { razorpayPaymentId, problem: 'refunded 10000 at Razorpay, 0 here' },
    ]);
  });
});
