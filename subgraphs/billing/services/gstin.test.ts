import fc from 'fast-check';
import { BadUserInputError } from '../../../platform/errors';
import { gstinCheckCharacter, parseBuyerGstin, parseGstin } from './gstin';

// Published GSTINs of real registrants (their check characters are GSTN's, not ours).
const published = ['27AAPFU0939F1ZV', '29AAGCB7383J1Z4', '27AAACR5055K1Z7'];

it('accepts published GSTINs and reads their state', () => {
  expect(published.map((g) => parseGstin(g))).toEqual([
    { gstin: '27AAPFU0939F1ZV', state: 'MH' },
    { gstin: '29AAGCB7383J1Z4', state: 'KA' },
    { gstin: '27AAACR5055K1Z7', state: 'MH' },
  ]);
  expect(parseGstin(' 27aapfu0939f1zv ')).toEqual({ gstin: '27AAPFU0939F1ZV', state: 'MH' });
});

it('refuses the GSTIN that used to be hard-coded on every invoice: its check character is wrong', () => {
  expect(parseGstin('27AABCT1234F1Z5')).toEqual({ problem: 'CHECKSUM' });
});

it('refuses bad formats and unknown state codes', () => {
  expect(parseGstin('27AAPFU0939F1Z')).toEqual({ problem: 'FORMAT' });
  expect(parseGstin('27AAPFU0939F1XV')).toEqual({ problem: 'FORMAT' });
  expect(parseGstin('27AAPFU0939F0ZV')).toEqual({ problem: 'FORMAT' });
  const first14 = '99AAPFU0939F1Z';
  expect(parseGstin(first14 + gstinCheckCharacter(first14))).toEqual({ problem: 'STATE' });
});

it('catches every single-character substitution (the point of a check character)', () => {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  fc.assert(
    fc.property(
      fc.constantFrom(...published),
      fc.integer({ min: 2, max: 14 }),
      fc.constantFrom(...alphabet),
      (gstin, position, replacement) => {
        fc.pre(gstin[position] !== replacement);
        const changed = gstin.slice(0, position) + replacement + gstin.slice(position + 1);
        expect('problem' in parseGstin(changed)).toBe(true);
      },
    ),
  );
});

it("takes an order's buyer GSTIN, its state as place of supply, and refuses another state", () => {
  expect(parseBuyerGstin(null, null)).toBeNull();
  expect(parseBuyerGstin('', 'MH')).toBeNull();
  expect(parseBuyerGstin('29AAGCB7383J1Z4', 'ka')).toEqual({ gstin: '29AAGCB7383J1Z4', state: 'KA' });
  const refusal = (gstin: string, place: string | null) => {
    try {
      parseBuyerGstin(gstin, place);
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      return (error as BadUserInputError).extensions;
    }
    throw new Error('accepted');
  };
  expect(refusal('29AAGCB7383J1Z5', null)).toMatchObject({ field: 'buyerGstin', reason: 'GSTIN_CHECKSUM' });
  expect(refusal('29AAGCB7383J1Z4', 'MH')).toMatchObject({ field: 'placeOfSupply' });
});
