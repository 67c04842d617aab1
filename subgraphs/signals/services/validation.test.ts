import { BadUserInputError } from '../../../platform/errors';
import { parseInput, publishSignalInputSchema } from './validation';

const signal = { symbol: 'BTC-USDT', side: 'BUY', confidence: 50, targetPrice: '110', stopLoss: '100' };

it('refuses a malformed entry price of a BUY as BAD_USER_INPUT on entryPrice, not a Decimal error', () => {
  const parse = () => parseInput(publishSignalInputSchema(new Date()), { ...signal, entryPrice: '600a' });
  expect(parse).toThrow(BadUserInputError);
  expect(parse).toThrow(
    expect.objectContaining({ extensions: expect.objectContaining({ field: 'entryPrice' }) }),
  );
});

it('still compares well-formed levels with the entry', () => {
  const parse = () => parseInput(publishSignalInputSchema(new Date()), { ...signal, entryPrice: '120' });
  expect(parse).toThrow(
    expect.objectContaining({ extensions: expect.objectContaining({ field: 'targetPrice' }) }),
  );
});
