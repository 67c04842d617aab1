import { randomUUID } from 'node:crypto';
import { chromium, type Browser } from 'playwright-core';
import { planIds } from '../../prisma/seed/data';
import { eventually } from '../support/env';
import { expectData } from '../support/graphqlClient';
import { startBillingStack, type BillingStack } from './billingHarness';

// Paying offline as the README says: createOrder, then the Razorpay emulator's hosted checkout page
// (test mode), then verifyPayment with what the page shows; and the failure and pending outcomes.
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

describe('hosted checkout in test mode', () => {
  let s: BillingStack;
  let browser: Browser;
  let checkoutUrl: (orderId: string) => string;

  beforeAll(async () => {
    s = await startBillingStack();
    checkoutUrl = s.stack.razorpayCheckout!.checkoutUrl;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  async function premiumOrder() {
    const buyer = await s.register();
    const order = await s.createOrder(buyer.headers, {
      planId: planIds.PREMIUM,
      idempotencyKey: `hosted-${randomUUID()}`,
    });
    return { buyer, razorpayOrderId: order.data!.createOrder.razorpayOrderId };
  }

  const submit = (orderId: string, method: string, action = 'pay') =>
    fetch(checkoutUrl(orderId), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ method, action }).toString(),
    });

  it('shows the order, pays with a test UPI id in Chromium, and verifyPayment issues the GST invoice', async () => {
    const { buyer, razorpayOrderId } = await premiumOrder();
    const page = await browser.newPage();
    try {
      await page.goto(checkoutUrl(razorpayOrderId));
      expect(await page.textContent('body')).toContain('₹2,999.00');
      await page.fill('input[name=method]', 'success@razorpay');
      await page.click('button[value=pay]');
      await page.waitForSelector('#razorpay_signature');
      const shown = {
        razorpayOrderId: await page.textContent('#razorpay_order_id'),
        razorpayPaymentId: await page.textContent('#razorpay_payment_id'),
        razorpaySignature: await page.textContent('#razorpay_signature'),
      };
      expect(shown.razorpayOrderId).toBe(razorpayOrderId);
      const verified = await s.verify(buyer.headers, shown);
      expect(verified.data?.verifyPayment.status).toBe('CAPTURED');
    } finally {
      await page.close();
    }
    const invoices = await eventually(
      async () => {
        const data = await expectData<{ me: { invoices: { number: string; total: { amount: string } }[] } }>(
          s.url,
          '{ me { invoices { number total { amount } } } }',
          {},
          buyer.headers,
        );
        return data.me.invoices.length ? data.me.invoices : undefined;
      },
      20_000,
      'the invoice',
    );
    expect(invoices[0]!.total.amount).toBe('2999.00');
  });

  it('fails the payment with failure@razorpay and with the Fail button', async () => {
    const { razorpayOrderId } = await premiumOrder();
    const failed = await submit(razorpayOrderId, 'failure@razorpay');
    expect(await failed.text()).toContain('Payment failed');
    const declined = await submit(razorpayOrderId, '4111 1111 1111 1111', 'fail');
    expect(await declined.text()).toContain('Payment failed');
    const payments = [...s.razorpay.store.payments.values()].filter((p) => p.order_id === razorpayOrderId);
    expect(payments.map((payment) => payment.status)).toEqual(['failed', 'failed']);
  });

  it('leaves a pending UPI payment to the webhook, which captures it', async () => {
    const { razorpayOrderId } = await premiumOrder();
    const pending = await submit(razorpayOrderId, 'pending@razorpay');
    expect(pending.status).toBe(202);
    expect(await pending.text()).not.toContain('razorpay_signature');
    const captured = await eventually(
      async () =>
        [...s.razorpay.store.payments.values()].find(
          (payment) => payment.order_id === razorpayOrderId && payment.status === 'captured',
        ),
      20_000,
      'billing capturing the payment on payment.authorized',
    );
    expect(captured.method).toBe('upi');
  });

  it('refuses a wrong key id and an unknown order', async () => {
    const wrongKey = checkoutUrl('order_x').replace(/key_id=[^&]+/, 'key_id=rzp_test_other');
    expect((await fetch(wrongKey)).status).toBe(401);
    expect((await fetch(checkoutUrl('order_doesnotexist1'))).status).toBe(404);
  });
});
