import { BadUserInputError } from '../../../platform/errors';

/**
 * The GST state codes (the first two digits of a GSTIN, CBIC's list: 01-38 and 97 "Other Territory")
 * with the two-letter abbreviation we store and compare with the seller's home state. Abbreviations
 * differ between the GST portal, vehicle registration and ISO 3166-2:IN, so the other spellings in
 * use are accepted too and stored as the first one.
 */
const gstStates: Readonly<Record<string, readonly [string, ...string[]]>> = {
  '01': ['JK'], // Jammu and Kashmir
  '02': ['HP'], // Himachal Pradesh
  '03': ['PB'], // Punjab
  '04': ['CH'], // Chandigarh
  '05': ['UK', 'UT'], // Uttarakhand
  '06': ['HR'], // Haryana
  '07': ['DL'], // Delhi
  '08': ['RJ'], // Rajasthan
  '09': ['UP'], // Uttar Pradesh
  '10': ['BR'], // Bihar
  '11': ['SK'], // Sikkim
  '12': ['AR'], // Arunachal Pradesh
  '13': ['NL'], // Nagaland
  '14': ['MN'], // Manipur
  '15': ['MZ'], // Mizoram
  '16': ['TR'], // Tripura
  '17': ['ML'], // Meghalaya
  '18': ['AS'], // Assam
  '19': ['WB'], // West Bengal
  '20': ['JH'], // Jharkhand
  '21': ['OD', 'OR'], // Odisha
  '22': ['CG', 'CT'], // Chhattisgarh
  '23': ['MP'], // Madhya Pradesh
  '24': ['GJ'], // Gujarat
  '25': ['DD'], // Daman and Diu (merged into 26 in 2020; old GSTINs still carry it)
  '26': ['DN', 'DH'], // Dadra and Nagar Haveli and Daman and Diu
  '27': ['MH'], // Maharashtra
  '28': ['AP'], // Andhra Pradesh before the 2014 division: the same state as 37 today
  '29': ['KA'], // Karnataka
  '30': ['GA'], // Goa
  '31': ['LD'], // Lakshadweep
  '32': ['KL'], // Kerala
  '33': ['TN'], // Tamil Nadu
  '34': ['PY'], // Puducherry
  '35': ['AN'], // Andaman and Nicobar Islands
  '36': ['TS', 'TG'], // Telangana
  '37': ['AP', 'AD'], // Andhra Pradesh
  '38': ['LA'], // Ladakh
  '97': ['OT'], // Other Territory
};

const stored = new Map<string, string>();
for (const [code, [abbreviation, ...aliases]] of Object.entries(gstStates)) {
  stored.set(code, abbreviation);
  for (const spelling of [abbreviation, ...aliases]) stored.set(spelling, abbreviation);
}

/** The abbreviation of a two-digit GST state code ("27" → "MH"); undefined for no state's code. */
export const gstStateOfCode = (code: string): string | undefined =>
  /^\d{2}$/.test(code) ? stored.get(code) : undefined;

/** A state code or any accepted spelling as the abbreviation we store ("mh", "27" → "MH"). */
export const gstStateOf = (value: string): string | undefined => stored.get(value.trim().toUpperCase());

/** A GST state code ("27") or abbreviation ("MH", "mh") as the abbreviation we store; else BAD_USER_INPUT. */
export function parsePlaceOfSupply(value: string | null | undefined, home: string): string {
  const placeOfSupply = stored.get((value ?? home).trim().toUpperCase());
  if (!placeOfSupply) {
    throw new BadUserInputError(
      'placeOfSupply must be an Indian GST state code (01-38, 97) or its two-letter abbreviation',
      'placeOfSupply',
    );
  }
  return placeOfSupply;
}
