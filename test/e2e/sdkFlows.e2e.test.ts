import { randomUUID } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import {
  checkout,
  ConfirmTotpDocument,
  EnrollTotpDocument,
  followLiveSignals,
  loginWithSecondFactor,
  MarketTickDocument,
  MeDocument,
  PlansDocument,
  PublishSignalDocument,
  RegisterDocument,
  type SignalSummaryFragment,
  type TradeSchoolClient,
} from '../../clients/sdk/src';
import { eventually } from '../support/env';
import { startClientsStack, type ClientsStack } from './clientsHarness';

// The SDK's flow helpers (clients/sdk/src/flows.ts) through the gateway with trusted documents enforced.
describe('SDK flows', () => {
  let env: ClientsStack;

  beforeAll(async () => {
    env = await startClientsStack();
  }, 180_000);

  afterAll(async () => {
    await env?.stop();
  });

  async function newUser(): Promise<{ api: TradeSchoolClient; email: string; password: string }> {
    const api = env.sdk();
    const email = `flows-${randomUUID()}@example.test`;
    const password = 'Correct-Horse-42';
    await api.request(RegisterDocument, { input: { email, password, name: 'Flow' } });
    await api.login(email, password);
    return { api, email, password };
  }

  it('logs in with a second factor when TOTP is on', async () => {
    const { api, email, password } = await newUser();
    const { enrollTotp } = await api.request(EnrollTotpDocument);
    const totp = new TOTP({ secret: Secret.fromBase32(enrollTotp.secret) });
    const now = Date.now();
    await api.request(ConfirmTotpDocument, { code: totp.generate({ timestamp: now }) });

    const fresh = env.sdk();
    let asked = 0;
    const tokens = await loginWithSecondFactor(fresh, { email, password }, async () => {
      asked += 1;
      // The enrolment's code is spent; identity accepts the next period's (one step of clock drift).
      return totp.generate({ timestamp: now + 30_000 });
    });
    expect(asked).toBe(1);
    expect(tokens.accessToken).toEqual(expect.any(String));
    const { me } = await fresh.request(MeDocument);
    expect(me?.email).toBe(email);
  });

  it('checks out a plan through Razorpay (the emulator) and returns the verified payment with its invoice', async () => {
    const { api } = await newUser();
    const { plans } = await api.request(PlansDocument);
    const premium = plans.find((plan) => plan.tier === 'PREMIUM')!;
    const payment = await checkout(
      api,
      { planId: premium.id, idempotencyKey: `flow-${randomUUID()}` },
      async (order) => {
        const paid = env.stack.razorpay!.checkout(order.razorpayOrderId);
        if (!('razorpay_signature' in paid)) throw new Error('the emulator refused the payment');
        return paid;
      },
    );
    expect(payment.status).toBe('CAPTURED');
    expect(payment.amount.amount).toBe('2999.00');
  });

  it('delivers live signals once each, in order, with the ones missed before (re)connecting first', async () => {
    const analyst = await env.signedIn('analyst');
    const premium = await env.signedIn('premium');
    const { marketTick } = await analyst.request(MarketTickDocument, { symbol: 'BTC-USDT' });
    const price = Number(marketTick?.price ?? 60_000);
    const publish = async () => {
      const { publishSignal } = await analyst.request(PublishSignalDocument, {
        input: {
          symbol: 'BTC-USDT',
          side: 'BUY',
          strategy: 'sdk-flows',
          entryPrice: price.toFixed(2),
          targetPrice: (price * 1.03).toFixed(2),
          stopLoss: (price * 0.98).toFixed(2),
          confidence: 60,
        },
      });
      return publishSignal;
    };
    const before = await publish();
    // Published while the app was away: delivered by the recovery, not the live path.
    const missed = [await publish(), await publish()];
    const received: SignalSummaryFragment[] = [];
    const errors: unknown[] = [];
    const stop = followLiveSignals(premium, {
      symbols: ['BTC-USDT'],
      afterSequence: before.sequence,
      onSignal: (signal) => received.push(signal),
      onError: (error) => errors.push(error),
    });
    try {
      await eventually(async () => (received.length >= 2 ? true : undefined), 20_000, 'the missed signals');
      // Live from here on: published until one arrives (the socket connects lazily).
      const live = await eventually(
        async () => {
          const published = await publish();
          return await eventually(
            async () => (received.some((s) => s.id === published.id) ? published : undefined),
            3_000,
            'live',
          ).catch(() => undefined);
        },
        30_000,
        'a live signal',
      );
      expect(errors).toEqual([]);
      expect(received.slice(0, 2).map((signal) => signal.id)).toEqual(missed.map((signal) => signal.id));
      expect(received.map((signal) => signal.id)).toContain(live.id);
      const sequences = received.map((signal) => BigInt(signal.sequence));
      expect(new Set(received.map((signal) => signal.id)).size).toBe(received.length);
      expect([...sequences].sort((a, b) => (a < b ? -1 : 1))).toEqual(sequences);
      expect(sequences.every((sequence) => sequence > BigInt(before.sequence))).toBe(true);
    } finally {
      stop();
    }
  });
});
