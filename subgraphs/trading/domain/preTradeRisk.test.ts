import { Prisma } from '../../../platform/prisma';
import { preTradeRejection, type PreTradeFacts, type RiskLimits } from './preTradeRisk';

const d = (value: string) => new Prisma.Decimal(value);
const limits: RiskLimits = {
  maxOrderNotionalMinor: 1_000_000n, // ₹10,000
  maxPositionNotionalMinor: 1_500_000n, // ₹15,000
  dailyLossLimitMinor: 200_000n, // ₹2,000
};
// 1 unit at 10 USDT = ₹850 at the paper rate.
const facts: PreTradeFacts = {
  symbol: 'ABC-USDT',
  side: 'BUY',
  quantity: d('1'),
  referencePrice: d('10'),
  killSwitch: false,
  liveAccount: false,
  kyc: undefined,
  cashMinor: 10_000_000n,
  heldQuantity: d('0'),
  realizedTodayMinor: 0n,
};
const reason = (changes: Partial<PreTradeFacts>) => preTradeRejection({ ...facts, ...changes }, limits);

describe('pre-trade risk', () => {
  it('lets an ordinary paper order through', () => {
    expect(reason({})).toBeNull();
  });

  it('refuses everything while the kill switch is on', () => {
    expect(reason({ killSwitch: true })).toMatch(/Kill switch is on/);
  });

  it('needs verified KYC for a live exchange account', () => {
    expect(reason({ liveAccount: true, kyc: 'PENDING' })).toBe('Live exchange accounts need verified KYC');
    // With KYC, cash and holdings are the exchange's to check: no paper cash, nothing held, still sent.
    expect(reason({ liveAccount: true, kyc: 'VERIFIED', cashMinor: 0n })).toBeNull();
    expect(reason({ liveAccount: true, kyc: 'VERIFIED', side: 'SELL' })).toBeNull();
    expect(reason({ liveAccount: true, kyc: 'VERIFIED', quantity: d('1000') })).toMatch(
      /exceeds the maximum/,
    );
  });

  it('stops trading once the daily loss limit is reached', () => {
    expect(reason({ realizedTodayMinor: -199_999n })).toBeNull();
    expect(reason({ realizedTodayMinor: -200_000n })).toMatch(/Daily loss limit of ₹2000.00 reached/);
  });

  it('refuses an order without a price to check it against', () => {
    expect(reason({ referencePrice: null })).toMatch(/No market price for ABC-USDT/);
  });

  it('caps the notional of one order', () => {
    expect(reason({ quantity: d('11.76') })).toBeNull(); // ₹9,996
    expect(reason({ quantity: d('11.77') })).toBe(
      'Order notional ₹10004.50 exceeds the maximum of ₹10000.00',
    );
  });

  it('caps the position per instrument', () => {
    expect(reason({ quantity: d('10'), heldQuantity: d('7.64') })).toBeNull(); // ₹14,994
    expect(reason({ quantity: d('10'), heldQuantity: d('7.66') })).toMatch(
      /Position would be ₹15011.00, above/,
    );
    // A live account's own holding counts the same way (its cash is the exchange's).
    const live = { liveAccount: true, kyc: 'VERIFIED', cashMinor: 0n, quantity: d('10') };
    expect(reason({ ...live, heldQuantity: d('7.64') })).toBeNull();
    expect(reason({ ...live, heldQuantity: d('7.66') })).toMatch(/Position would be ₹15011.00, above/);
  });

  it('needs the cash for a buy and the holding for a sell', () => {
    expect(reason({ cashMinor: 84_999n })).toMatch(/Insufficient cash: ₹850.00 needed, ₹849.99 available/);
    expect(reason({ side: 'SELL', heldQuantity: d('0.5') })).toMatch(/only 0.5 held/);
    expect(reason({ side: 'SELL', heldQuantity: d('1') })).toBeNull();
  });
});
