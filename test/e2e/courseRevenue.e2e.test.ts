import { randomUUID } from 'node:crypto';
import { courseIds } from '../../prisma/seed/data';
import { expectData, postGraphQL } from '../support/graphqlClient';
import { startBillingStack, type BillingStack } from './billingHarness';

// learning's CourseAnalytics gets revenue from billing through federation: one query, two subgraphs.
describe('course analytics with revenue from billing', () => {
  let s: BillingStack;
  const course = courseIds.optionsNse;
  const analytics = `query($id: ID!) {
    courseAnalytics(courseId: $id) { enrollments revenue { amount currency } refunds { amount } paidOrders }
  }`;
  type Analytics = {
    courseAnalytics: {
      enrollments: number;
      revenue: { amount: string; currency: string };
      refunds: { amount: string };
      paidOrders: number;
    };
  };

  beforeAll(async () => {
    s = await startBillingStack();
  }, 120_000);

  afterAll(() => s?.stop());

  it('shows captured sales less refunds to the instructor, exactly, and nothing to a learner', async () => {
    const instructor = await s.login('instructor@demo.test');
    const headers = { authorization: instructor.authorization };
    const before = await expectData<Analytics>(s.url, analytics, { id: course }, headers);
    expect(before.courseAnalytics.revenue).toEqual({ amount: '0.00', currency: 'INR' });

    const buyer = await s.register();
    const { payment } = await s.buy(buyer.headers, { courseId: course });
    const sold = await expectData<Analytics>(s.url, analytics, { id: course }, headers);
    expect(sold.courseAnalytics).toMatchObject({
      revenue: { amount: '800000.00', currency: 'INR' },
      refunds: { amount: '0.00' },
      paidOrders: 1,
    });

    const admin = await s.login('admin@demo.test');
    await expectData(
      s.url,
      `mutation($input: RefundPaymentInput!) { refundPayment(input: $input) { id } }`,
      { input: { paymentId: payment.id, amount: '300000.00', idempotencyKey: `refund-${randomUUID()}` } },
      { authorization: admin.authorization },
    );
    const refunded = await expectData<Analytics>(s.url, analytics, { id: course }, headers);
    expect(refunded.courseAnalytics).toMatchObject({
      revenue: { amount: '500000.00' },
      refunds: { amount: '300000.00' },
      paidOrders: 1,
    });

    const learner = await postGraphQL(s.url, analytics, { id: course }, buyer.headers);
    expect(learner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
