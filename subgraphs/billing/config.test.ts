import { loadProcessConfig } from '../../platform/config';
import { configErrorOf, namedVariables, productionBase } from '../../test/support/configFixtures';
import { billingConfig, billingConfigSchema, razorpayHttpsUnlessLoopback, requiresSeller } from './config';

const complete = {
  ...productionBase,
  RAZORPAY_KEY_ID: 'rzp_live_abc',
  RAZORPAY_KEY_SECRET: 'secret',
  RAZORPAY_WEBHOOK_SECRET: 'webhook-secret',
  SELLER_LEGAL_NAME: 'Example Traders Private Limited',
  SELLER_GSTIN: '27AAPFU0939F1ZV',
  SELLER_ADDRESS: '1 Example Road, Mumbai, Maharashtra',
};

describe('billing config', () => {
  it('loads a complete production environment', () => {
    expect(loadProcessConfig(billingConfig, complete)).toMatchObject({
      RAZORPAY_BASE_URL: 'https://api.razorpay.com',
      REFUND_SELF_SERVICE_LIMIT_MINOR: 2_500_000n,
    });
  });

  it('names every missing variable at once: the Razorpay keys (always), Redis, Kafka and the seller', () => {
    const { REDIS_URL: _redis, KAFKA_BROKERS: _kafka, ...rest } = productionBase;
    expect(namedVariables(configErrorOf(() => loadProcessConfig(billingConfig, rest))).sort()).toEqual([
      'KAFKA_BROKERS',
      'RAZORPAY_KEY_ID',
      'RAZORPAY_KEY_SECRET',
      'RAZORPAY_WEBHOOK_SECRET',
      'REDIS_URL',
      'SELLER_ADDRESS',
      'SELLER_GSTIN',
      'SELLER_LEGAL_NAME',
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

  it('requiresSeller: a valid seller whose GSTIN is registered in GST_HOME_STATE', () => {
    const at = (env: Record<string, string>) => billingConfigSchema.parse({ ...complete, ...env });
    expect(requiresSeller(at({}))).toEqual([]);
    expect(requiresSeller(at({ SELLER_GSTIN: '27AABCT1234F1Z5' }))).toEqual([
      expect.stringMatching(/^SELLER_GSTIN: /),
    ]);
    expect(requiresSeller(at({ GST_HOME_STATE: 'KA' }))).toEqual([
      expect.stringMatching(/^GST_HOME_STATE: /),
    ]);
  });
});
