import { BadUserInputError } from '../../../platform/errors';
import { gstStateOf, gstStateOfCode } from './gstStates';

/**
 * A GSTIN: 2-digit state code, the holder's 10-character PAN, the entity number (1-9, A-Z), 'Z' by
 * default, and a check character computed from the first 14 (GSTN's Mod-36 scheme: digits and letters
 * are 0-35, alternate positions weighted 1 and 2, each product folded as quotient + remainder by 36).
 */
const FORMAT = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function gstinCheckCharacter(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const product = ALPHABET.indexOf(first14[i]!) * ((i % 2) + 1);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return ALPHABET[(36 - (sum % 36)) % 36]!;
}

export type GstinProblem = 'FORMAT' | 'STATE' | 'CHECKSUM';

export interface ParsedGstin {
  gstin: string;
  /** The state's two-letter abbreviation, as place of supply is stored ("MH"). */
  state: string;
}

/** The normalised GSTIN and its state, or what is wrong with it. */
export function parseGstin(value: string): ParsedGstin | { problem: GstinProblem } {
  const gstin = value.trim().toUpperCase();
  if (!FORMAT.test(gstin)) return { problem: 'FORMAT' };
  const state = gstStateOfCode(gstin.slice(0, 2));
  if (!state) return { problem: 'STATE' };
  if (gstinCheckCharacter(gstin.slice(0, 14)) !== gstin[14]) return { problem: 'CHECKSUM' };
  return { gstin, state };
}

export const gstinProblemMessage: Record<GstinProblem, string> = {
  FORMAT: 'must be a 15-character GSTIN (state code, PAN, entity number, Z, check character)',
  STATE: 'must start with an Indian GST state code (01-38, 97)',
  CHECKSUM: 'has a wrong check character (the last one): a typo somewhere in it',
};

/**
 * An order's optional buyer GSTIN, normalised, and the place of supply it implies: a registered buyer is
 * supplied in its own state (IGST Act s.12(2)(a)), so a placeOfSupply naming another state is refused.
 */
export function parseBuyerGstin(
  value: string | null | undefined,
  placeOfSupply: string | null | undefined,
): ParsedGstin | null {
  if (value == null || value.trim() === '') return null;
  const parsed = parseGstin(value);
  if ('problem' in parsed) {
    throw new BadUserInputError(`buyerGstin ${gstinProblemMessage[parsed.problem]}`, 'buyerGstin', {
      reason: `GSTIN_${parsed.problem}`,
    });
  }
  if (placeOfSupply != null && gstStateOf(placeOfSupply) !== parsed.state) {
    throw new BadUserInputError(
      `placeOfSupply must be ${parsed.state}, the state buyerGstin is registered in`,
      'placeOfSupply',
    );
  }
  return parsed;
}
