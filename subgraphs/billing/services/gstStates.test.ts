import { BadUserInputError } from '../../../platform/errors';
import { parsePlaceOfSupply } from './gstStates';

it.each([
  ['MH', 'MH'],
  ['ka', 'KA'],
  ['27', 'MH'],
  ['07', 'DL'],
  ['TG', 'TS'],
  ['37', 'AP'],
  ['38', 'LA'],
  ['97', 'OT'],
])('accepts %s as the state %s', (given, stored) => {
  expect(parsePlaceOfSupply(given, 'MH')).toBe(stored);
});

it('defaults to the home state', () => {
  expect(parsePlaceOfSupply(null, 'MH')).toBe('MH');
});

it.each(['ZZ', 'XX', '00', '39', '99', 'M', 'MHX', ''])(
  'refuses %j as BAD_USER_INPUT on placeOfSupply',
  (given) => {
    const parse = () => parsePlaceOfSupply(given, 'MH');
    expect(parse).toThrow(BadUserInputError);
    expect(parse).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ field: 'placeOfSupply' }) }),
    );
  },
);
