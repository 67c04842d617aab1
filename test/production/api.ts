import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { planIds } from '../../prisma/seed/data';
import { eventually } from '../support/env';
import { expectData } from '../support/graphqlClient';

/** A user of the API as a client sees it: their bearer header and id. */
export interface ApiUser {
  id: string;
  email: string;
  password: string;
  headers: Record<string, string>;
  refreshToken: string;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  user: { id: string };
}

export async function register(url: string, label: string): Promise<ApiUser> {
  const email = `${label}-${randomUUID().slice(0, 8)}@prod-shape.test`;
  const password = 'Correct-Horse-42';
  const { register: auth } = await expectData<{ register: AuthPayload }>(
    url,
    `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id } } }`,
    { input: { email, password, name: label } },
  );
  return {
    id: auth.user.id,
    email,
    password,
    headers: bearer(auth.accessToken),
    refreshToken: auth.refreshToken,
  };
}

export async function login(url: string, user: ApiUser): Promise<ApiUser> {
  const { login: auth } = await expectData<{ login: AuthPayload }>(
    url,
    `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id } } }`,
    { input: { email: user.email, password: user.password } },
  );
  return { ...user, headers: bearer(auth.accessToken), refreshToken: auth.refreshToken };
}

/**
 * Production has no demo accounts and no admin bootstrap command: the first ADMIN is granted by an
 * operator in the database (identity's own table), every later role through `grantRole` by an admin.
 */
export async function operatorGrantsAdmin(pool: Pool, userId: string): Promise<void> {
  await pool.query(
    `UPDATE identity."user" SET roles = array_append(roles, 'ADMIN'::identity."Role") WHERE id = $1::uuid`,
    [userId],
  );
}

export async function grantRole(url: string, admin: ApiUser, userId: string, role: string): Promise<void> {
  await expectData(
    url,
    `mutation($u: ID!, $r: Role!) { grantRole(userId: $u, role: $r) { id } }`,
    { u: userId, r: role },
    admin.headers,
  );
}

/** An ANALYST, made the way production makes one: registered, then granted the role by an admin. */
export async function createAnalyst(url: string, pool: Pool): Promise<ApiUser> {
  const admin = await register(url, 'admin');
  await operatorGrantsAdmin(pool, admin.id);
  const adminSession = await login(url, admin);
  const analyst = await register(url, 'analyst');
  await grantRole(url, adminSession, analyst.id, 'ANALYST');
  return login(url, analyst);
}

/**
 * PREMIUM bought the way a customer buys it: createOrder, Razorpay Checkout (the emulator's test
 * route plays the customer paying), verifyPayment; billing's event reaches identity, and the next
 * refreshed token carries the tier.
 */
export async function buyPremium(
  url: string,
  razorpay: { url: string; keyId: string; keySecret: string },
  pool: Pool,
  user: ApiUser,
): Promise<ApiUser> {
  const { createOrder } = await expectData<{ createOrder: { razorpayOrderId: string } }>(
    url,
    `mutation($input: CreateOrderInput!) { createOrder(input: $input) { razorpayOrderId } }`,
    { input: { planId: planIds.PREMIUM, idempotencyKey: `premium-${randomUUID()}` } },
    user.headers,
  );
  const response = await fetch(`${razorpay.url}/v1/test/orders/${createOrder.razorpayOrderId}/pay`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${razorpay.keyId}:${razorpay.keySecret}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: '{}',
  });
  const paid = (await response.json()) as {
    razorpay_order_id: string;
    razorpay_payment_id: string;
    razorpay_signature: string;
  };
  await expectData(
    url,
    `mutation($input: VerifyPaymentInput!) { verifyPayment(input: $input) { status } }`,
    {
      input: {
        razorpayOrderId: paid.razorpay_order_id,
        razorpayPaymentId: paid.razorpay_payment_id,
        razorpaySignature: paid.razorpay_signature,
      },
    },
    user.headers,
  );
  // identity learns the tier from billing's event; the next refreshed token carries it. Waiting on
  // identity's copy (not on refreshes) keeps clear of identity's per-IP refresh limit.
  await eventually(
    async () => {
      const { rows } = await pool.query<{ tier: string }>(
        `SELECT tier::text FROM identity.user_tier WHERE user_id = $1::uuid`,
        [user.id],
      );
      return rows[0]?.tier === 'PREMIUM' ? true : undefined;
    },
    30_000,
    'identity to learn the PREMIUM tier',
  );
  const { refreshSession } = await expectData<{ refreshSession: AuthPayload }>(
    url,
    `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken user { id } } }`,
    { t: user.refreshToken },
  );
  expect(tierOf(refreshSession.accessToken)).toBe('PREMIUM');
  return { ...user, headers: bearer(refreshSession.accessToken), refreshToken: refreshSession.refreshToken };
}

function tierOf(accessToken: string): unknown {
  const payload = accessToken.split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { tier?: unknown }).tier;
}

export const PUBLISH_SIGNAL = `mutation($input: PublishSignalInput!) { publishSignal(input: $input) { id sequence } }`;

export function signalInput(symbol = 'BTC-USDT') {
  return {
    symbol,
    side: 'BUY',
    entryPrice: '60000',
    targetPrice: '62000',
    stopLoss: '59000',
    confidence: 70,
    rationale: 'Production-shape test signal',
  };
}

export async function publishSignal(url: string, analyst: ApiUser, symbol?: string) {
  const { publishSignal: signal } = await expectData<{ publishSignal: { id: string; sequence: string } }>(
    url,
    PUBLISH_SIGNAL,
    { input: signalInput(symbol) },
    analyst.headers,
  );
  return signal;
}

export const LIVE_SIGNALS = `subscription($symbols: [String!]) { signalPublished(symbols: $symbols) { id sequence side instrument { symbol } } }`;

export interface LiveSignal {
  signalPublished: { id: string; sequence: string; side: string; instrument: { symbol: string } };
}
