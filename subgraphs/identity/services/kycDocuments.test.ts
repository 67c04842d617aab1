import fc from 'fast-check';
import { maskAadhaar, normalizeAadhaar, PAN_PATTERN, verhoeffValid } from './kycDocuments';

const withCheckDigit = (body: string) =>
  body + [...'0123456789'].find((digit) => verhoeffValid(body + digit))!;
const aadhaarBody = fc
  .tuple(
    fc.integer({ min: 2, max: 9 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }),
  )
  .map(([first, rest]) => `${first}${rest.join('')}`);

describe('KYC document checks', () => {
  it('accepts PANs of the AAAAA9999A shape only', () => {
    expect(PAN_PATTERN.test('ABCPE1234F')).toBe(true);
    for (const bad of ['ABCPE1234', 'ABCXE1234F', 'abcpe1234f', 'ABCPE12345', '1BCPE1234F']) {
      expect(PAN_PATTERN.test(bad)).toBe(false);
    }
  });

  it('every valid Aadhaar has exactly one check digit, and any single-digit change is caught', () => {
    fc.assert(
      fc.property(
        aadhaarBody,
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (body, at, shift) => {
          const number = withCheckDigit(body);
          expect(normalizeAadhaar(number)).toBe(number);
          const changed = number.slice(0, at) + ((Number(number[at]) + shift) % 10) + number.slice(at + 1);
          expect(verhoeffValid(changed)).toBe(false);
        },
      ),
    );
  });

  it('keeps nothing but the last four digits', () => {
    fc.assert(
      fc.property(aadhaarBody, (body) => {
        const number = withCheckDigit(body);
        const { masked, last4 } = maskAadhaar(number);
        expect(masked).toBe(`XXXX-XXXX-${number.slice(-4)}`);
        expect(last4).toBe(number.slice(-4));
        expect(masked.replace(/\D/g, '')).toBe(last4);
      }),
    );
  });

  it('refuses numbers starting with 0 or 1 and wrong lengths', () => {
    expect(normalizeAadhaar('1234 5678 9012')).toBeNull();
    expect(normalizeAadhaar('23456789012')).toBeNull();
  });
});
