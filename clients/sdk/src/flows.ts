import type { TradeSchoolClient } from './client';
import { isGraphQLRequestError } from './errors';
import {
  CompleteTwoFactorLoginDocument,
  CreateOrderDocument,
  SignalPublishedDocument,
  SignalsDocument,
  VerifyPaymentDocument,
  type CreateOrderInput,
  type CreateOrderMutation,
  type SessionTokensFragment,
  type SignalSummaryFragment,
  type VerifyPaymentMutation,
} from './generated/graphql';

// Typed helpers for the flows every app writes: a login with a second factor, a checkout, and live
// signals that survive reconnects.

/**
 * Signs in; when TOTP is on, asks `secondFactor` for the current code (the user's authenticator app)
 * and completes the login with the challenge. The tokens are kept by the client either way.
 */
export async function loginWithSecondFactor(
  api: TradeSchoolClient,
  credentials: { email: string; password: string },
  secondFactor: () => Promise<string>,
): Promise<SessionTokensFragment> {
  try {
    return await api.login(credentials.email, credentials.password);
  } catch (error) {
    if (!isGraphQLRequestError(error, 'TWO_FACTOR_REQUIRED')) throw error;
    const challenge = (error.data as SessionTokensFragment | undefined)?.twoFactorChallenge;
    if (!challenge) throw error;
    const { completeTwoFactorLogin } = await api.request(CompleteTwoFactorLoginDocument, {
      challenge,
      code: await secondFactor(),
    });
    if (!completeTwoFactorLogin.accessToken || !completeTwoFactorLogin.refreshToken) throw error;
    api.session.set({
      accessToken: completeTwoFactorLogin.accessToken,
      refreshToken: completeTwoFactorLogin.refreshToken,
    });
    return completeTwoFactorLogin;
  }
}

/** What Razorpay Checkout's handler receives after a successful payment. */
export interface CheckoutResponse {
  razorpay_order_id: string;
  razorpay_payment_id: string;
  razorpay_signature: string;
}

/**
 * Creates the order, lets `pay` run Razorpay Checkout for it (the app opens Checkout with the order's
 * `razorpayKeyId` and `razorpayOrderId`; offline, the emulator's hosted page), then verifies the
 * payment. Retrying with the same `idempotencyKey` returns the same order, never a second one.
 */
export async function checkout(
  api: TradeSchoolClient,
  input: CreateOrderInput,
  pay: (order: CreateOrderMutation['createOrder']) => Promise<CheckoutResponse>,
): Promise<VerifyPaymentMutation['verifyPayment']> {
  const { createOrder } = await api.request(CreateOrderDocument, { input });
  const paid = await pay(createOrder);
  const { verifyPayment } = await api.request(VerifyPaymentDocument, {
    input: {
      razorpayOrderId: paid.razorpay_order_id,
      razorpayPaymentId: paid.razorpay_payment_id,
      razorpaySignature: paid.razorpay_signature,
    },
  });
  return verifyPayment;
}

export interface LiveSignalsOptions {
  symbols: string[];
  onSignal: (signal: SignalSummaryFragment) => void;
  onError?: (error: unknown) => void;
  /** The last sequence the app already has (e.g. from storage): only later signals are delivered. */
  afterSequence?: string;
}

/**
 * Live signals with gap recovery: the live path is at-most-once, so after every reconnect the signals
 * published meanwhile are fetched by sequence (`signals(after:)`) and delivered first; each signal is
 * delivered once, in sequence order per page. Returns the function that stops it.
 */
export function followLiveSignals(api: TradeSchoolClient, options: LiveSignalsOptions): () => void {
  // Sequences are decimal strings of a 64-bit counter: compared as BigInt.
  let lastSequence = BigInt(options.afterSequence ?? 0);
  const symbols = new Set(options.symbols);
  const deliver = (signal: SignalSummaryFragment) => {
    if (BigInt(signal.sequence) <= lastSequence) return;
    lastSequence = BigInt(signal.sequence);
    options.onSignal(signal);
  };
  let recovering: Promise<void> = Promise.resolve();
  const recover = async () => {
    for (let more = true; more;) {
      const { signals } = await api.request(SignalsDocument, { first: 50, after: String(lastSequence) });
      for (const edge of signals.edges) if (symbols.has(edge.node.instrument.symbol)) deliver(edge.node);
      // Signals of other symbols still move the cursor, or the next page would repeat them.
      const end = signals.pageInfo.endCursor;
      if (end && BigInt(end) > lastSequence) lastSequence = BigInt(end);
      more = signals.pageInfo.hasNextPage;
    }
  };
  let connectedBefore = false;
  const stopStatus = api.live.onStatus((status) => {
    if (status !== 'connected') return;
    if (connectedBefore || options.afterSequence !== undefined)
      recovering = recovering.then(recover).catch((error: unknown) => options.onError?.(error));
    connectedBefore = true;
  });
  const stopSubscription = api.subscribe(
    SignalPublishedDocument,
    { symbols: options.symbols },
    {
      next: (data) => void recovering.then(() => deliver(data.signalPublished)),
      error: (error) => options.onError?.(error),
    },
  );
  return () => {
    stopSubscription();
    stopStatus();
  };
}
