import { loadProcessConfig } from '../../platform/config';
import { configErrorOf, namedVariables, productionBase } from '../../test/support/configFixtures';
import { billingConfig, billingConfigSchema, razorpayHttpsUnlessLoopback } from './config';

const complete = {
  ...productionBase,
  RAZORPAY_KEY_ID: 'rzp_live_abc',
  RAZORPAY_KEY_SECRET: 'secret',
  RAZORPAY_WEBHOOK_SECRET: 'webhook-secret',
};

describe('billing config', () => {
  it('loads a complete production environment', () => {
    expect(loadProcessConfig(billingConfig, complete)).toMatchObject({
      RAZORPAY_BASE_URL: 'https://api.razorpay.com',
      REFUND_SELF_SERVICE_LIMIT_MINOR: 2_500_000n,
    });
  });

  it('names every missing variable at once: the Razorpay keys (always), Redis and Kafka', () => {
    const { REDIS_URL: _redis, KAFKA_BROKERS: _kafka, ...rest } = productionBase;
    expect(namedVariables(configErrorOf(() => loadProcessConfig(billingConfig, rest))).sort()).toEqual([
      'KAFKA_BROKERS',
      'RAZORPAY_KEY_ID',
      'RAZORPAY_KEY_SECRET',
      'RAZORPAY_WEBHOOK_SECRET',
      'REDIS_URL',
    ]);
  });

  it('razorpayHttpsUnlessLoopback', () => {
    const at = (url: string) => billingConfigSchema.parse({ ...complete, RAZORPAY_BASE_URL: url });
    expect(razorpayHttpsUnlessLoopback(at('https://api.razorpay.com'))).toEqual([]);
    expect(razorpayHttpsUnlessLoopback(at('http://127.0.0.1:4300'))).toEqual([]);
    expect(razorpayHttpsUnlessLoopback(at('http://razorpay.example'))).toEqual([
      expect.stringMatching(/^RAZORPAY_BASE_URL: /),
    ]);
  });
});
