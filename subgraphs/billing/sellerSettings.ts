// Who sells: the legal name, GSTIN and address printed on every tax invoice. Production refuses to start
// without them; development runs with a seller that says on the invoice that it is a demo.
import { z } from 'zod';
import { parseGstin, gstinProblemMessage } from './services/gstin';
import { gstStateOf } from './services/gstStates';
import type { Seller } from './services/invoiceHtml';

/** The variables, to extend billing's config schema with. */
export const sellerSettingsShape = {
  SELLER_LEGAL_NAME: z.string().trim().min(1).max(200).optional(),
  SELLER_GSTIN: z.string().trim().optional(),
  /** One line as printed on the invoice (registered address). */
  SELLER_ADDRESS: z.string().trim().min(1).max(500).optional(),
  /** The seller's GST state code: a buyer in the same state pays CGST+SGST, anyone else IGST. */
  GST_HOME_STATE: z.string().default('MH'),
};

export interface SellerVariables {
  NODE_ENV: 'development' | 'test' | 'production';
  SELLER_LEGAL_NAME?: string;
  SELLER_GSTIN?: string;
  SELLER_ADDRESS?: string;
  GST_HOME_STATE: string;
}

/** Outside production, when nothing is configured: valid in form (Maharashtra) and plainly not real. */
export const demoSeller: Seller = {
  name: 'DEMO SELLER - not a registered business (development only)',
  gstin: '27AAAAA0000A1Z2',
  address: 'Demo address, Mumbai, Maharashtra (development only; not a tax invoice)',
  state: 'MH',
};

export type SellerIssue = { variable: keyof SellerVariables; message: string };

/**
 * The seller the invoices print, or every problem with the variables: in production all three are
 * required; the GSTIN must pass its format and check character; GST_HOME_STATE must be a state and the
 * GSTIN's own (its first two digits), since the tax split compares the buyer's state with it.
 */
export function resolveSeller(env: SellerVariables): { seller: Seller } | { issues: SellerIssue[] } {
  const issues: SellerIssue[] = [];
  const home = gstStateOf(env.GST_HOME_STATE);
  if (!home) issues.push({ variable: 'GST_HOME_STATE', message: 'must be a GST state code or abbreviation' });
  const configured = [env.SELLER_LEGAL_NAME, env.SELLER_GSTIN, env.SELLER_ADDRESS].some((v) => v);
  if (env.NODE_ENV !== 'production' && !configured) {
    if (home && home !== demoSeller.state)
      issues.push({
        variable: 'GST_HOME_STATE',
        message: `must be ${demoSeller.state}, the demo seller's state`,
      });
    return issues.length ? { issues } : { seller: demoSeller };
  }
  for (const variable of ['SELLER_LEGAL_NAME', 'SELLER_GSTIN', 'SELLER_ADDRESS'] as const) {
    if (!env[variable]) issues.push({ variable, message: 'is required (printed on every tax invoice)' });
  }
  const parsed = env.SELLER_GSTIN ? parseGstin(env.SELLER_GSTIN) : null;
  if (parsed && 'problem' in parsed)
    issues.push({ variable: 'SELLER_GSTIN', message: gstinProblemMessage[parsed.problem] });
  if (parsed && 'state' in parsed && home && parsed.state !== home)
    issues.push({
      variable: 'GST_HOME_STATE',
      message: `is ${home} but SELLER_GSTIN is registered in ${parsed.state}`,
    });
  if (issues.length || !parsed || !('state' in parsed)) return { issues };
  return {
    seller: {
      name: env.SELLER_LEGAL_NAME!,
      gstin: parsed.gstin,
      address: env.SELLER_ADDRESS!,
      state: parsed.state,
    },
  };
}
