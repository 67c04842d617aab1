import Razorpay from 'razorpay';
import type {
  OrderEntity,
  PaymentEntity,
  PlanEntity,
  RefundEntity,
  SubscriptionEntity,
} from './razorpayEntities';
import type { SettlementEntity, SettlementReconItem } from './razorpayEntities';

export interface RazorpaySettings {
  baseUrl: string;
  keyId: string;
  keySecret: string;
  webhookSecret: string;
}

/** A Razorpay API failure: `status` 0 when the API could not be reached at all. */
export class RazorpayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
  ) {
    super(`Razorpay ${status} ${code}: ${description}`);
  }
}

interface SdkError {
  statusCode?: number | string;
  error?: { code?: string; description?: string };
}

/**
 * The SDK turns HTTP errors into `{ statusCode, error }`, but a refused connection has no response and
 * it throws a TypeError reading `err.response.status`: both become RazorpayError here.
 */
async function call<T>(work: () => Promise<unknown>): Promise<T> {
  try {
    return (await work()) as T;
  } catch (error) {
    if (error instanceof Error) {
      throw new RazorpayError(0, 'GATEWAY_UNREACHABLE', error.message);
    }
    const sdk = error as SdkError;
    throw new RazorpayError(
      Number(sdk.statusCode ?? 0),
      sdk.error?.code ?? 'UNKNOWN',
      sdk.error?.description ?? 'unknown error',
    );
  }
}

/** Amounts cross the wire as JSON integers: exact only up to 2^53, which every paise amount is below. */
function toWireAmount(minor: bigint): number {
  const amount = Number(minor);
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`${minor} paise cannot be sent to Razorpay exactly`);
  return amount;
}

export function createRazorpayClient(settings: RazorpaySettings) {
  const sdk = new Razorpay({ key_id: settings.keyId, key_secret: settings.keySecret });
  // The SDK hard-codes api.razorpay.com; its axios instance is the documented way to point elsewhere.
  const http = (sdk.api as unknown as { rq: { defaults: { baseURL?: string; timeout?: number } } }).rq;
  http.defaults.baseURL = settings.baseUrl;
  http.defaults.timeout = 10_000;

  return {
    settings,
    createOrder: (amountMinor: bigint, currency: string, receipt: string, notes: Record<string, string>) =>
      call<OrderEntity>(() =>
        sdk.orders.create({
          amount: toWireAmount(amountMinor),
          currency,
          receipt,
          notes,
          payment_capture: false,
        }),
      ),
    fetchPayment: (paymentId: string) => call<PaymentEntity>(() => sdk.payments.fetch(paymentId)),
    capture: (paymentId: string, amountMinor: bigint, currency: string) =>
      call<PaymentEntity>(() => sdk.payments.capture(paymentId, toWireAmount(amountMinor), currency)),
    refund: (paymentId: string, amountMinor: bigint, notes: Record<string, string>) =>
      call<RefundEntity>(() => sdk.payments.refund(paymentId, { amount: toWireAmount(amountMinor), notes })),
    listPayments: (from: number, to: number, skip: number) =>
      call<{ items: PaymentEntity[] }>(() => sdk.payments.all({ from, to, count: 100, skip })),
    createPlan: (plan: { name: string; amountMinor: bigint; currency: string; months: number }) =>
      call<PlanEntity>(() =>
        sdk.plans.create({
          period: plan.months % 12 === 0 ? 'yearly' : 'monthly',
          interval: plan.months % 12 === 0 ? plan.months / 12 : plan.months,
          item: { name: plan.name, amount: toWireAmount(plan.amountMinor), currency: plan.currency },
        }),
      ),
    /** `startAt`: the first charge waits for it (the end of a period already paid for). */
    createSubscription: (planId: string, notes: Record<string, string>, startAt?: Date) =>
      // 120 cycles: Razorpay needs a finite count; ten years of monthly renewals is "until cancelled".
      call<SubscriptionEntity>(() =>
        sdk.subscriptions.create({
          plan_id: planId,
          total_count: 120,
          notes,
          // Rounded up to the second: the new period never starts before the paid one ends.
          ...(startAt ? { start_at: Math.ceil(startAt.getTime() / 1000) } : {}),
        }),
      ),
    fetchSubscription: (id: string) => call<SubscriptionEntity>(() => sdk.subscriptions.fetch(id)),
    cancelSubscription: (id: string, atCycleEnd: boolean) =>
      call<SubscriptionEntity>(() => sdk.subscriptions.cancel(id, atCycleEnd)),
    pauseSubscription: (id: string) =>
      call<SubscriptionEntity>(() => sdk.subscriptions.pause(id, { pause_at: 'now' })),
    resumeSubscription: (id: string) =>
      call<SubscriptionEntity>(() => sdk.subscriptions.resume(id, { resume_at: 'now' })),
    listSettlements: (from: number, to: number, skip: number) =>
      call<{ items: SettlementEntity[] }>(() => sdk.settlements.all({ from, to, count: 100, skip })),
    /** GET /v1/settlements/recon/combined: the payments and refunds settled on one UTC day. */
    settlementRecon: (day: Date, skip: number) =>
      call<{ items: SettlementReconItem[] }>(() =>
        sdk.settlements.reports({
          year: day.getUTCFullYear(),
          month: day.getUTCMonth() + 1,
          day: day.getUTCDate(),
          count: 1000,
          skip,
        }),
      ),
    /** Drops a plan change scheduled for the cycle end (Razorpay's "Cancel an Update"). */
    cancelScheduledChanges: (id: string) =>
      call<SubscriptionEntity>(() => sdk.subscriptions.cancelScheduledChanges(id)),
    changeSubscriptionPlan: (id: string, planId: string, at: 'now' | 'cycle_end') =>
      call<SubscriptionEntity>(() =>
        sdk.subscriptions.update(id, { plan_id: planId, schedule_change_at: at }),
      ),
  };
}

export type RazorpayClient = ReturnType<typeof createRazorpayClient>;
