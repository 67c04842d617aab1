import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import type { PaymentEntity, RefundEntity } from '../../emulators/razorpay/entities';
import { feeOf, razorpayId } from '../../emulators/razorpay/entities';
import { accountBalances, trialBalance } from './services/ledger';
import { defaultBillingSettings } from './server';
import {
  assertBalanced,
  capturePostings,
  recognitionPostings,
  refundPostings,
} from './services/ledgerPostings';
import { recordGatewayPayment } from './services/paymentRecords';
import { recordGatewayRefund } from './services/refundRecords';
import { runRevenueRecognition } from './services/revenueRecognition';

// Random sequences of orders, captures, partial refunds and failures, applied through the same code
// the webhooks and mutations use, on a real Postgres: postings always sum to zero, every amount is an
// integer number of paise, and no balance goes negative in its normal direction (Razorpay clearing
// aside, which a refund after fees may legitimately overdraw).
type Step =
  | { kind: 'order'; amount: number; plan: boolean }
  | { kind: 'recognise'; days: number }
  | { kind: 'capture'; pick: number }
  | { kind: 'fail'; pick: number }
  | { kind: 'refund'; pick: number; fraction: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('order' as const),
    amount: fc.integer({ min: 100, max: 2 ** 40 }),
    // Plan payments defer their revenue and earn it over the period (recognition steps below).
    plan: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('recognise' as const), days: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ kind: fc.constant('capture' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('fail' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('refund' as const),
    pick: fc.nat(),
    fraction: fc.double({ min: 0.01, max: 1, noNaN: true }),
  }),
);

const settings = { ...defaultBillingSettings, refundSelfServiceLimitMinor: 0n };

describe('ledger property', () => {
  it('pure postings: every journal balances and revenue/GST never go negative', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 100n, max: 2n ** 45n }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        (amount, cuts) => {
          // Razorpay's fee: 2% plus 18% GST on it.
          const fee = (amount * 236n) / 10_000n;
          const journals = [
            capturePostings(amount, fee, 'INR'),
            recognitionPostings(amount, 'INR', 'COURSE'),
          ];
          let refunded = 0n;
          for (const cut of cuts) {
            const part = (BigInt(Math.floor(cut * 1e6)) * (amount - refunded)) / 1_000_000n;
            if (part <= 0n) continue;
            journals.push(refundPostings(part, refunded, 'INR', 'COURSE'));
            refunded += part;
          }
          const sums = new Map<string, bigint>();
          for (const journal of journals) {
            assertBalanced(journal);
            for (const p of journal) sums.set(p.account, (sums.get(p.account) ?? 0n) + p.amountMinor);
          }
          expect(-(sums.get('revenue:course') ?? 0n)).toBeGreaterThanOrEqual(0n);
          expect(-(sums.get('liability:gst_output') ?? 0n)).toBeGreaterThanOrEqual(0n);
          expect(sums.get('liability:deferred_revenue') ?? 0n).toBe(0n);
        },
      ),
      { numRuns: 500 },
    );
  });

  describe('on a real database', () => {
    let db: TestDatabase;
    let planId: string;
    beforeAll(async () => {
      db = await createTestDatabase();
      const plan = await db.prisma.plan.create({
        data: {
          tier: 'PREMIUM',
          name: 'Premium',
          priceMinor: 299_900n,
          apiCallsPerHour: 1000,
          realtimeSignals: true,
          signalHistory: false,
          prioritySupport: false,
        },
      });
      planId = plan.id;
      // A full refund of a plan payment puts its user back on FREE.
      await db.prisma.plan.create({
        data: {
          tier: 'FREE',
          name: 'Free',
          priceMinor: 0n,
          apiCallsPerHour: 100,
          signalsPerDay: 5,
          realtimeSignals: false,
          signalHistory: false,
          prioritySupport: false,
        },
      });
    });
    afterAll(async () => {
      await db?.drop();
    });

    async function run(steps: Step[]) {
      const payments: PaymentEntity[] = [];
      for (const s of steps) {
        if (s.kind === 'recognise') {
          await runRevenueRecognition(db.prisma, new Date(Date.now() + s.days * 86_400_000));
          continue;
        }
        if (s.kind === 'order') {
          const orderId = razorpayId('order');
          await db.prisma.paymentOrder.create({
            data: {
              userId: randomUUID(),
              purpose: s.plan ? 'SUBSCRIPTION' : 'COURSE',
              courseId: s.plan ? null : randomUUID(),
              planId: s.plan ? planId : null,
              amountMinor: BigInt(s.amount),
              razorpayOrderId: orderId,
              idempotencyKey: randomUUID(),
              requestHash: 'h',
              placeOfSupply: 'MH',
            },
          });
          payments.push({
            id: razorpayId('pay'),
            entity: 'payment',
            amount: s.amount,
            currency: 'INR',
            status: 'authorized',
            order_id: orderId,
            invoice_id: null,
            international: false,
            method: 'card',
            amount_refunded: 0,
            refund_status: null,
            captured: false,
            description: null,
            email: 'e',
            contact: 'c',
            notes: {},
            fee: null,
            tax: null,
            error_code: null,
            error_description: null,
            created_at: 0,
          });
          continue;
        }
        const payment = payments[s.pick % Math.max(payments.length, 1)];
        if (!payment) continue;
        if (s.kind === 'capture') {
          Object.assign(payment, { status: 'captured', captured: true, ...feeOf(payment.amount) });
        } else if (s.kind === 'fail') {
          payment.status = payment.captured ? payment.status : 'failed';
        }
        await db.prisma.$transaction((tx) => recordGatewayPayment(tx, { ...payment }, settings, null));
        if (s.kind === 'refund' && payment.captured) {
          const left = payment.amount - payment.amount_refunded;
          const amount = Math.min(left, Math.max(1, Math.floor(left * s.fraction)));
          if (amount <= 0) continue;
          payment.amount_refunded += amount;
          const refund: RefundEntity = {
            id: razorpayId('rfnd'),
            entity: 'refund',
            amount,
            currency: 'INR',
            payment_id: payment.id,
            notes: {},
            receipt: null,
            acquirer_data: { arn: null },
            created_at: 0,
            batch_id: null,
            status: 'processed',
            speed_processed: 'normal',
            speed_requested: 'normal',
          };
          await db.prisma.$transaction(async (tx) => {
            const locked = await tx.payment.findUniqueOrThrow({ where: { razorpayPaymentId: payment.id } });
            await recordGatewayRefund(
              tx,
              locked,
              refund,
              { idempotencyKey: null, requestHash: null, requestedBy: null, reason: null },
              null,
            );
          });
        }
      }
    }

    it('random orders, captures, partial refunds and failures keep the books balanced', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
          await run(steps);
          for (const sum of (await trialBalance(db.prisma)).values()) expect(sum).toBe(0n);
          for (const { account, balanceMinor } of await accountBalances(db.prisma)) {
            expect(typeof balanceMinor).toBe('bigint');
            if (account !== 'asset:razorpay_clearing') expect(balanceMinor).toBeGreaterThanOrEqual(0n);
          }
          const overRefunded = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(
            'SELECT count(*) AS n FROM billing.payment WHERE refunded_minor > amount_minor OR refunded_minor < 0',
          );
          expect(overRefunded[0]!.n).toBe(0n);
        }),
        { numRuns: 25 },
      );
    }, 120_000);
  });
});
