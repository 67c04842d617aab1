import { BadUserInputError } from '../../../platform/errors';
import { Prisma } from '../../../platform/prisma';
import { assertLevelsAgainstMarket, type SignalLevels } from './marketLevels';

const market = new Prisma.Decimal('95000');
const fieldOf = (levels: SignalLevels, at: Prisma.Decimal | null = market) => {
  try {
    assertLevelsAgainstMarket(levels, at);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as BadUserInputError).extensions.field;
  }
};

it("refuses the README's old example: a BUY at 60,000 with BTC at 95,000", () => {
  expect(fieldOf({ side: 'BUY', entryPrice: '60000', targetPrice: '62000', stopLoss: '59000' })).toBe(
    'entryPrice',
  );
});

it('accepts an entry within 1% of the tick, on either side', () => {
  expect(fieldOf({ side: 'BUY', entryPrice: '95950', targetPrice: '98000', stopLoss: '94000' })).toBeNull();
  expect(fieldOf({ side: 'SELL', entryPrice: '94050', targetPrice: '92000', stopLoss: '96000' })).toBeNull();
  expect(fieldOf({ side: 'HOLD', entryPrice: '95000' })).toBeNull();
  expect(fieldOf({ side: 'BUY', entryPrice: '95951', targetPrice: '98000', stopLoss: '94000' })).toBe(
    'entryPrice',
  );
});

it('refuses a target the market has already passed, and a stop it has already hit', () => {
  // Entry just under the market: a target between the entry and the market is hit at once.
  expect(fieldOf({ side: 'BUY', entryPrice: '94500', targetPrice: '94900', stopLoss: '94000' })).toBe(
    'targetPrice',
  );
  expect(fieldOf({ side: 'BUY', entryPrice: '95500', targetPrice: '97000', stopLoss: '95100' })).toBe(
    'stopLoss',
  );
  expect(fieldOf({ side: 'SELL', entryPrice: '95500', targetPrice: '95200', stopLoss: '96000' })).toBe(
    'targetPrice',
  );
  expect(fieldOf({ side: 'SELL', entryPrice: '94500', targetPrice: '93000', stopLoss: '94800' })).toBe(
    'stopLoss',
  );
});

it('has nothing to compare with before the first tick', () => {
  expect(
    fieldOf({ side: 'BUY', entryPrice: '60000', targetPrice: '62000', stopLoss: '59000' }, null),
  ).toBeNull();
});
