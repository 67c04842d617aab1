import { randomUUID } from 'node:crypto';
import { courseIds } from '../../prisma/seed/data';
import { formatMinorUnits } from '../../platform/money';
import { expectData, postGraphQL } from '../support/graphqlClient';
import { startBillingStack, type BillingStack } from './billingHarness';

// revenueAnalytics (admin dashboard contract) over the seeded five weeks of payments plus live ones,
// each figure recomputed here from the rows themselves; and invoices downloaded as files.
describe('billing analytics and invoice documents end to end', () => {
  let s: BillingStack;
  const DAY = 86_400_000;
  const ANALYTICS = `query($from: DateTime!, $to: DateTime!) { revenueAnalytics(from: $from, to: $to) {
    byDay { day gross { amount currency } refunds { amount } net { amount } payments }
    byPlan { planId planName tier revenue { amount } payments }
    mrr { amount } refunds { amount } tierMix { tier count } churn { activeAtStart cancelled rate } } }`;
  const inr = (minor: bigint) => formatMinorUnits(minor, 'INR');

  beforeAll(async () => {
    s = await startBillingStack();
  }, 120_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('computes revenue by day and plan, MRR, refunds, tier mix and churn exactly', async () => {
    const buyer = await s.register();
    const { payment } = await s.buy(buyer.headers, { courseId: courseIds.technicalAnalysis });
    await expectData(
      s.url,
      `mutation($input: RefundPaymentInput!) { refundPayment(input: $input) { id } }`,
      { input: { paymentId: payment.id, amount: '1000.00', idempotencyKey: `r-${randomUUID()}` } },
      buyer.headers,
    );
    const from = new Date(Date.now() - 20 * DAY);
    const to = new Date(Date.now() + DAY);
    const admin = { authorization: (await s.login('admin@demo.test')).authorization };
    const { revenueAnalytics: got } = await expectData<{
      revenueAnalytics: {
        byDay: { day: string; gross: { amount: string }; refunds: { amount: string }; payments: number }[];
        byPlan: { planId: string; revenue: { amount: string }; payments: number }[];
        mrr: { amount: string };
        refunds: { amount: string };
        tierMix: { tier: string; count: number }[];
        churn: { activeAtStart: number; cancelled: number; rate: number };
      };
    }>(s.url, ANALYTICS, { from: from.toISOString(), to: to.toISOString() }, admin);

    const { prisma } = s.db;
    const inRange = { gte: from, lt: to };
    const payments = await prisma.payment.findMany({
      where: { capturedAt: inRange },
      include: { order: true },
    });
    const refunds = await prisma.refund.findMany({ where: { createdAt: inRange } });
    const days = new Map<string, { gross: bigint; refunds: bigint; payments: number }>();
    const dayOf = (at: Date) => at.toISOString().slice(0, 10);
    const entry = (day: string) =>
      days.get(day) ?? days.set(day, { gross: 0n, refunds: 0n, payments: 0 }).get(day)!;
    for (const p of payments) {
      const e = entry(dayOf(p.capturedAt!));
      e.gross += p.amountMinor;
      e.payments += 1;
    }
    for (const r of refunds) entry(dayOf(r.createdAt)).refunds += r.amountMinor;
    const expectedDays = [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
    expect(expectedDays.length).toBeGreaterThan(15);
    expect(got.byDay).toEqual(
      expectedDays.map(([day, e]) => ({
        day,
        gross: { amount: inr(e.gross), currency: 'INR' },
        refunds: { amount: inr(e.refunds) },
        net: { amount: inr(e.gross - e.refunds) },
        payments: e.payments,
      })),
    );

    const perPlan = new Map<string, { revenue: bigint; payments: number }>();
    for (const p of payments.filter((p) => p.order.planId)) {
      const e = perPlan.get(p.order.planId!) ?? { revenue: 0n, payments: 0 };
      perPlan.set(p.order.planId!, {
        revenue: e.revenue + p.amountMinor - p.refundedMinor,
        payments: e.payments + 1,
      });
    }
    expect(Object.fromEntries(got.byPlan.map((p) => [p.planId, [p.revenue.amount, p.payments]]))).toEqual(
      Object.fromEntries([...perPlan].map(([id, e]) => [id, [inr(e.revenue), e.payments]])),
    );

    const subscriptions = await prisma.subscription.findMany({ include: { plan: true } });
    const granting = subscriptions.filter((x) => x.status === 'ACTIVE' || x.status === 'PAST_DUE');
    const months: Record<string, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };
    const mrr = granting
      .filter((x) => x.plan.priceMinor > 0n)
      .reduce((sum, x) => sum + BigInt(Math.round(Number(x.plan.priceMinor) / months[x.plan.interval]!)), 0n);
    expect(got.mrr.amount).toBe(inr(mrr));
    expect(got.refunds.amount).toBe(inr(refunds.reduce((sum, r) => sum + r.amountMinor, 0n)));
    const tierCount = (tier: string) =>
      subscriptions.filter((x) => (granting.includes(x) ? x.plan.tier : 'FREE') === tier).length;
    expect(got.tierMix).toEqual(
      ['FREE', 'PREMIUM', 'ENTERPRISE'].map((tier) => ({ tier, count: tierCount(tier) })),
    );

    const changes = await prisma.subscriptionChange.findMany({ orderBy: { at: 'asc' } });
    const lastBefore = new Map<string, string>();
    for (const c of changes.filter((c) => c.at < from)) lastBefore.set(c.userId, c.tier);
    const active = [...lastBefore].filter(([, tier]) => tier !== 'FREE').map(([userId]) => userId);
    const cancelled = active.filter((userId) =>
      changes.some((c) => c.userId === userId && c.at >= from && c.at < to && c.tier === 'FREE'),
    );
    expect(active.length).toBeGreaterThan(0);
    expect(cancelled.length).toBeGreaterThan(0);
    expect(got.churn).toEqual({
      activeAtStart: active.length,
      cancelled: cancelled.length,
      rate: cancelled.length / active.length,
    });
  });

  it('refuses revenue analytics to anyone but an admin', async () => {
    const buyer = await s.register();
    const range = { from: new Date(Date.now() - DAY).toISOString(), to: new Date().toISOString() };
    const denied = await postGraphQL(s.url, ANALYTICS, range, buyer.headers);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await postGraphQL(s.url, ANALYTICS, range);
    expect(anonymous.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });

  it('downloads an invoice as HTML and PDF for its owner only, IGST for another state', async () => {
    const buyer = await s.register();
    await s.buy(buyer.headers, { courseId: courseIds.technicalAnalysis, placeOfSupply: 'KA' });
    const { me } = await expectData<{ me: { invoices: { id: string; number: string }[] } }>(
      s.url,
      `{ me { invoices { id number } } }`,
      {},
      buyer.headers,
    );
    const invoice = me.invoices[0]!;
    const DOC = `query($id: ID!, $f: InvoiceFormat) { invoiceDocument(id: $id, format: $f) { filename contentType contentBase64 } }`;
    type Doc = { invoiceDocument: { filename: string; contentType: string; contentBase64: string } | null };
    const html = await expectData<Doc>(s.url, DOC, { id: invoice.id, f: 'HTML' }, buyer.headers);
    const page = Buffer.from(html.invoiceDocument!.contentBase64, 'base64').toString('utf8');
    expect(html.invoiceDocument!.filename).toBe(`${invoice.number.replaceAll('/', '-')}.html`);
    expect(page).toContain(invoice.number);
    expect(page).toContain('IGST @ 18%');
    expect(page).not.toContain('CGST');
    const pdf = await expectData<Doc>(s.url, DOC, { id: invoice.id, f: 'PDF' }, buyer.headers);
    const bytes = Buffer.from(pdf.invoiceDocument!.contentBase64, 'base64').toString('latin1');
    expect(pdf.invoiceDocument!.contentType).toBe('application/pdf');
    expect(bytes.startsWith('%PDF-1.4')).toBe(true);
    expect(bytes).toContain(`(Invoice number ${invoice.number})`);
    // The cross-reference table points at each object's exact byte offset.
    const startxref = Number(/startxref\n(\d+)/.exec(bytes)![1]);
    expect(bytes.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...bytes.matchAll(/(\d{10}) 00000 n /g)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => expect(bytes.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`));
    const stranger = await s.register();
    // Someone else's invoice is reported as missing (platform/auth/access), with no document.
    const hidden = await postGraphQL<Doc>(s.url, DOC, { id: invoice.id, f: 'PDF' }, stranger.headers);
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(hidden.data?.invoiceDocument ?? null).toBeNull();
  });
});
