import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { startStack, type Stack } from '../../gateway/stack';
import { DEMO_PASSWORD } from '../../prisma/seed/data';
import type { RazorpayServer } from '../../emulators/razorpay';
import { hmacSha256Hex } from '../../subgraphs/billing/services/signatures';
import { createSeededTestDatabase, type TestDatabase } from '../support/database';
import { createTestKafkaBus, redisUrl, testGatewaySecret } from '../support/env';
import { expectData, postGraphQL } from '../support/graphqlClient';

export const ORDER_FIELDS = 'id razorpayOrderId amount { amount currency } status purpose';

/** The whole stack with the embedded Razorpay-compatible server, on a fresh seeded database. */
export async function startBillingStack() {
  const db: TestDatabase = await createSeededTestDatabase();
  // These buyers pay above ₹50,000, which issue 4 puts behind verified KYC (the token's `kyc` claim).
  await db.prisma.user.updateMany({ data: { kycStatus: 'VERIFIED' } });
  const stack: Stack = await startStack({
    databaseUrl: db.url,
    bus: createTestKafkaBus(`billing-e2e-${randomUUID()}`),
    redisUrl,
    gatewaySecret: testGatewaySecret,
    logger: pino({ level: 'silent' }),
    gatewayPort: 0,
    subgraphPorts: 'ephemeral',
    outboxPollMs: 50,
    // Live sockets check their user's tier often, so a purchase closes them (4403) within the test.
    gatewayLimits: { LIVE_TIER_CHECK_MS: 200 },
  });
  const razorpay: RazorpayServer = stack.razorpay!;
  const url = stack.gatewayUrl;
  const webhookUrl = new URL('/webhooks/razorpay', url).toString();

  async function login(email: string) {
    const data = await expectData<{ login: { accessToken: string; refreshToken: string } }>(
      url,
      `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`,
      { input: { email, password: DEMO_PASSWORD } },
    );
    return { authorization: `Bearer ${data.login.accessToken}`, refreshToken: data.login.refreshToken };
  }

  async function register() {
    const email = `buyer-${randomUUID()}@example.test`;
    const data = await expectData<{
      register: { accessToken: string; refreshToken: string; user: { id: string } };
    }>(
      url,
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id } } }`,
      { input: { email, password: 'Correct-Horse-42', name: 'Buyer' } },
    );
    // KYC verified before the first token is issued for the buyer (see above).
    await db.prisma.user.update({ where: { id: data.register.user.id }, data: { kycStatus: 'VERIFIED' } });
    const signedIn = await expectData<{ login: { accessToken: string; refreshToken: string } }>(
      url,
      `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`,
      { input: { email, password: 'Correct-Horse-42' } },
    );
    const { accessToken, refreshToken } = signedIn.login;
    return {
      userId: data.register.user.id,
      headers: { authorization: `Bearer ${accessToken}` },
      refreshToken,
    };
  }

  type Headers = Record<string, string>;
  const createOrder = (headers: Headers, input: Record<string, unknown>) =>
    postGraphQL<{
      createOrder: { id: string; razorpayOrderId: string; amount: { amount: string }; status: string };
    }>(
      url,
      `mutation($input: CreateOrderInput!) { createOrder(input: $input) { ${ORDER_FIELDS} } }`,
      { input },
      headers,
    );

  const verify = (headers: Headers, input: Record<string, unknown>) =>
    postGraphQL<{ verifyPayment: { id: string; status: string; amount: { amount: string } } }>(
      url,
      `mutation($input: VerifyPaymentInput!) { verifyPayment(input: $input) { id status amount { amount } } }`,
      { input },
      headers,
    );

  /** Orders, pays through "Checkout" and verifies: the happy path every scenario starts from. */
  async function buy(headers: Headers, input: Record<string, unknown>) {
    const order = await createOrder(headers, { idempotencyKey: `key-${randomUUID()}`, ...input });
    if (!order.data) throw new Error(JSON.stringify(order.errors));
    const paid = razorpay.checkout(order.data.createOrder.razorpayOrderId);
    if (!('razorpay_signature' in paid)) throw new Error('checkout failed');
    const result = await verify(headers, {
      razorpayOrderId: paid.razorpay_order_id,
      razorpayPaymentId: paid.razorpay_payment_id,
      razorpaySignature: paid.razorpay_signature,
    });
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return {
      order: order.data.createOrder,
      payment: result.data.verifyPayment,
      razorpayPaymentId: paid.razorpay_payment_id,
    };
  }

  /** Posts a webhook to the gateway as Razorpay would; `signed` overrides the secret or the bytes signed. */
  async function deliver(body: string, eventId: string, signed: { secret?: string; bytes?: string } = {}) {
    const started = Date.now();
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-razorpay-event-id': eventId,
        'x-razorpay-signature': hmacSha256Hex(signed.secret ?? razorpay.webhookSecret, signed.bytes ?? body),
      },
      body,
    });
    await response.arrayBuffer();
    return { status: response.status, ms: Date.now() - started };
  }

  /** A Razorpay event body about a payment as Razorpay holds it now. */
  function paymentEvent(event: string, razorpayPaymentId: string, status?: string) {
    const entity = { ...razorpay.store.fetchPayment(razorpayPaymentId), ...(status ? { status } : {}) };
    return JSON.stringify({
      entity: 'event',
      account_id: 'acc_TradeSchool0001',
      event,
      contains: ['payment'],
      payload: { payment: { entity } },
      created_at: Math.floor(Date.now() / 1000),
    });
  }

  /**
   * An order paid at Razorpay (authorized) with Razorpay's own webhooks switched off: the test delivers
   * them itself, in the order it wants. `webhooksOn()` switches them back.
   */
  async function payQuietly(headers: Headers, input: Record<string, unknown>) {
    razorpay.webhooks.setUrl(undefined);
    const order = await createOrder(headers, { idempotencyKey: `key-${randomUUID()}`, ...input });
    if (!order.data) throw new Error(JSON.stringify(order.errors));
    const paid = razorpay.checkout(order.data.createOrder.razorpayOrderId);
    if (!('razorpay_payment_id' in paid)) throw new Error('checkout failed');
    return paid.razorpay_payment_id;
  }

  return {
    webhooksOn: () => razorpay.webhooks.setUrl(webhookUrl),
    deliver,
    paymentEvent,
    payQuietly,
    db,
    stack,
    razorpay,
    url,
    webhookUrl,
    login,
    register,
    createOrder,
    verify,
    buy,
    async stop() {
      await stack.stop();
      await stack.infra.bus.stop();
      await db.drop();
    },
  };
}

export type BillingStack = Awaited<ReturnType<typeof startBillingStack>>;
