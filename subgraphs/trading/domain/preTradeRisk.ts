import { formatMinorUnits } from '../../../platform/money';
import type { Prisma } from '../../../platform/prisma';
import { toInrMinor } from './paperFx';

/** Per-user limits in INR paise; defaults in tradingSettings. */
export interface RiskLimits {
  maxOrderNotionalMinor: bigint;
  maxPositionNotionalMinor: bigint;
  dailyLossLimitMinor: bigint;
}

export interface PreTradeFacts {
  symbol: string;
  side: 'BUY' | 'SELL';
  quantity: Prisma.Decimal;
  /** Market: the last tick; limit/stop: the order's own price; null when neither exists. */
  referencePrice: Prisma.Decimal | null;
  killSwitch: boolean;
  /** Null for the paper exchange. */
  liveAccount: boolean;
  kyc: string | undefined;
  cashMinor: bigint;
  /** Held on the order's venue: the paper portfolio, or the exchange account's own position. */
  heldQuantity: Prisma.Decimal;
  /** Net realized PnL of today's fills (UTC) on the order's venue, INR paise; negative is a loss. */
  realizedTodayMinor: bigint;
}

const inr = (minor: bigint) => `₹${formatMinorUnits(minor, 'INR')}`;

/**
 * Says no before money is at stake: returns the reason an order is refused, or null. Pure, so each
 * rule is tested on its own; the first failing rule is the one reported.
 */
export function preTradeRejection(facts: PreTradeFacts, limits: RiskLimits): string | null {
  if (facts.killSwitch) return 'Kill switch is on: new orders are refused until it is turned off';
  if (facts.liveAccount && facts.kyc !== 'VERIFIED') return 'Live exchange accounts need verified KYC';
  if (facts.realizedTodayMinor <= -limits.dailyLossLimitMinor) {
    return `Daily loss limit of ${inr(limits.dailyLossLimitMinor)} reached: trading resumes tomorrow (UTC)`;
  }
  if (!facts.referencePrice) return `No market price for ${facts.symbol} yet: no tick has arrived`;
  const notional = toInrMinor(facts.symbol, facts.quantity.mul(facts.referencePrice));
  if (notional > limits.maxOrderNotionalMinor) {
    return `Order notional ${inr(notional)} exceeds the maximum of ${inr(limits.maxOrderNotionalMinor)}`;
  }
  if (facts.side === 'SELL') {
    // A live account may hold coins bought elsewhere: the exchange refuses a sell its balance cannot cover.
    if (!facts.liveAccount && facts.quantity.gt(facts.heldQuantity)) {
      return `Cannot sell ${facts.quantity.toFixed()} ${facts.symbol}: only ${facts.heldQuantity.toFixed()} held (no short selling)`;
    }
    return null;
  }
  const position = toInrMinor(facts.symbol, facts.heldQuantity.add(facts.quantity).mul(facts.referencePrice));
  if (position > limits.maxPositionNotionalMinor) {
    return `Position would be ${inr(position)}, above the maximum of ${inr(limits.maxPositionNotionalMinor)} per instrument`;
  }
  // A live account's cash is the exchange's balance: it refuses what that cannot cover.
  if (!facts.liveAccount && notional > facts.cashMinor)
    return `Insufficient cash: ${inr(notional)} needed, ${inr(facts.cashMinor)} available`;
  return null;
}
