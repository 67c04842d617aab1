// Document checks that need no network: PAN shape and Aadhaar's Verhoeff check digit.

/** AAAAA9999A; the fourth letter is the holder type (P: person, C: company, H: HUF...). */
export const PAN_PATTERN = /^[A-Z]{3}[ABCFGHLJPTK][A-Z]\d{4}[A-Z]$/;

const verhoeffMultiplication = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const verhoeffPermutation = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

export function verhoeffValid(digits: string): boolean {
  let check = 0;
  [...digits].reverse().forEach((digit, i) => {
    check = verhoeffMultiplication[check]![verhoeffPermutation[i % 8]![Number(digit)]!]!;
  });
  return check === 0;
}

/** Twelve digits, not starting with 0 or 1, with a valid check digit (UIDAI's rules). */
export function normalizeAadhaar(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^[2-9]\d{11}$/.test(digits) && verhoeffValid(digits) ? digits : null;
}

/**
 * What a KYC screen shows of a PAN: XXXXX1234X, the four digits only. A reviewer matches it against
 * the document the applicant uploaded; the holder type (fourth letter) already counts in the risk
 * score, and the full number is for revealPan, which is audited.
 */
export function maskPan(pan: string): string {
  return `XXXXX${pan.slice(5, 9)}X`;
}

/** The only forms of an Aadhaar number identity ever keeps. */
export function maskAadhaar(digits: string): { masked: string; last4: string } {
  const last4 = digits.slice(-4);
  return { masked: `XXXX-XXXX-${last4}`, last4 };
}
