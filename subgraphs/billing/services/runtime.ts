import type { Logger } from '../../../platform/logger';
import type { PrismaClient } from '../../../platform/prisma';
import type { Seller } from './invoiceHtml';
import type { RazorpayClient } from './razorpayClient';

export interface BillingSettings {
  /** Refunds above this need an ADMIN. */
  refundSelfServiceLimitMinor: bigint;
  /** The seller's GST state code. */
  gstHomeState: string;
  /** Printed on every tax invoice; its state is gstHomeState (sellerSettings checks they agree). */
  seller: Seller;
}

/** What billing's services share besides the request context: long-lived, created once per process. */
export interface BillingRuntime {
  prisma: PrismaClient;
  logger: Logger;
  razorpay: RazorpayClient;
  settings: BillingSettings;
}
