import { BadUserInputError } from '../../../platform/errors';
import { Prisma } from '../../../platform/prisma';

/**
 * How far an analyst's entry may sit from the last tick, as a fraction of it. A signal is ACTIVE from the
 * moment it is published and its realized return is measured from its entry, so an entry far from the
 * market would book a return nobody could have had (a BUY "at 60,000" with BTC at 95,000 closed at its
 * target a second later with +61%).
 */
export const MAX_ENTRY_DEVIATION = new Prisma.Decimal('0.01');

export interface SignalLevels {
  side: 'BUY' | 'SELL' | 'HOLD' | 'EXIT';
  entryPrice: string;
  targetPrice?: string | null;
  stopLoss?: string | null;
}

/**
 * The levels of a new signal against the instrument's last tick: the entry within MAX_ENTRY_DEVIATION of
 * it, a BUY's target above it and stop below it (a SELL's the other way), so no signal opens already at
 * its target or its stop. Without a known tick there is nothing to compare with and nothing to close a
 * signal either: the first tick is checked by the lifecycle like any other.
 */
export function assertLevelsAgainstMarket(levels: SignalLevels, market: Prisma.Decimal | null): void {
  if (!market) return;
  const entry = new Prisma.Decimal(levels.entryPrice);
  const deviation = entry.sub(market).abs().div(market);
  if (deviation.greaterThan(MAX_ENTRY_DEVIATION)) {
    const percent = MAX_ENTRY_DEVIATION.mul(100).toString();
    throw new BadUserInputError(
      `entryPrice ${levels.entryPrice} is more than ${percent}% from the current price ${market.toString()}`,
      'entryPrice',
      { currentPrice: market.toString() },
    );
  }
  if (levels.side !== 'BUY' && levels.side !== 'SELL') return;
  const up = levels.side === 'BUY';
  const checks = [
    ['targetPrice', levels.targetPrice, up ? 'above' : 'below'],
    ['stopLoss', levels.stopLoss, up ? 'below' : 'above'],
  ] as const;
  for (const [field, value, where] of checks) {
    if (value == null) continue;
    const level = new Prisma.Decimal(value);
    if (where === 'above' ? level.greaterThan(market) : level.lessThan(market)) continue;
    throw new BadUserInputError(
      `${field} ${value} must be ${where} the current price ${market.toString()} for ${levels.side}`,
      field,
      { currentPrice: market.toString() },
    );
  }
}
