import { loadProcessConfig } from '../../platform/config';
import { productionBase } from '../../test/support/configFixtures';
import { billingConfig } from './config';
import { demoSeller, resolveSeller, type SellerVariables } from './sellerSettings';

const real = {
  SELLER_LEGAL_NAME: 'Example Learning Pvt Ltd',
  SELLER_GSTIN: '27AAPFU0939F1ZV',
  SELLER_ADDRESS: '1 Example Road, Mumbai 400001',
  GST_HOME_STATE: 'MH',
};
const production = (vars: Partial<SellerVariables>): SellerVariables => ({
  NODE_ENV: 'production',
  GST_HOME_STATE: 'MH',
  ...vars,
});
const variablesOf = (result: ReturnType<typeof resolveSeller>) =>
  'issues' in result ? result.issues.map((i) => i.variable) : [];

it('refuses to run production without the seller', () => {
  expect(variablesOf(resolveSeller(production({})))).toEqual([
    'SELLER_LEGAL_NAME',
    'SELLER_GSTIN',
    'SELLER_ADDRESS',
  ]);
  const { SELLER_ADDRESS: _address, ...noAddress } = real;
  expect(variablesOf(resolveSeller(production(noAddress)))).toEqual(['SELLER_ADDRESS']);
});

it('takes the configured seller, its state from its GSTIN', () => {
  expect(resolveSeller(production(real))).toEqual({
    seller: {
      name: 'Example Learning Pvt Ltd',
      gstin: '27AAPFU0939F1ZV',
      address: '1 Example Road, Mumbai 400001',
      state: 'MH',
    },
  });
  // The state code works as well as its abbreviation.
  expect('seller' in resolveSeller(production({ ...real, GST_HOME_STATE: '27' }))).toBe(true);
});

it('refuses a GSTIN that fails its check character, and a home state other than the GSTIN’s', () => {
  expect(resolveSeller(production({ ...real, SELLER_GSTIN: '27AABCT1234F1Z5' }))).toEqual({
    issues: [{ variable: 'SELLER_GSTIN', message: expect.stringContaining('check character') }],
  });
  expect(resolveSeller(production({ ...real, GST_HOME_STATE: 'KA' }))).toEqual({
    issues: [{ variable: 'GST_HOME_STATE', message: 'is KA but SELLER_GSTIN is registered in MH' }],
  });
});

it('runs development with a seller that says it is a demo, unless one is configured', () => {
  const development = { NODE_ENV: 'development' as const, GST_HOME_STATE: 'MH' };
  expect(resolveSeller(development)).toEqual({ seller: demoSeller });
  expect(demoSeller.name).toMatch(/demo/i);
  expect(demoSeller.address).toMatch(/demo/i);
  expect(resolveSeller({ ...development, ...real })).toEqual(resolveSeller(production(real)));
  // Half a configuration is a mistake in any environment.
  expect(variablesOf(resolveSeller({ ...development, SELLER_GSTIN: real.SELLER_GSTIN }))).toEqual([
    'SELLER_LEGAL_NAME',
    'SELLER_ADDRESS',
  ]);
});

it("fails at boot naming the variable, through billing's process config", () => {
  const base = {
    ...productionBase,
    RAZORPAY_KEY_ID: 'k',
    RAZORPAY_KEY_SECRET: 's',
    RAZORPAY_WEBHOOK_SECRET: 'w',
  };
  expect(() => loadProcessConfig(billingConfig, base)).toThrow(/SELLER_GSTIN: is required/);
  expect(loadProcessConfig(billingConfig, { ...base, ...real }).SELLER_GSTIN).toBe('27AAPFU0939F1ZV');
});
