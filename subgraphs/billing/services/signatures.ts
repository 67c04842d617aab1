import { createHmac, timingSafeEqual } from 'node:crypto';

export function hmacSha256Hex(secret: string, data: string | Buffer): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}

/**
 * Compares a received hex signature with the expected one in constant time: `===` would leak, through
 * timing, how many leading characters an attacker got right (the SDK's validateWebhookSignature does that).
 */
export function signatureMatches(
  secret: string,
  data: string | Buffer,
  received: string | undefined,
): boolean {
  if (!received || !/^[0-9a-f]{64}$/i.test(received)) return false;
  const expected = Buffer.from(hmacSha256Hex(secret, data), 'hex');
  const actual = Buffer.from(received, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Checkout's signature over `order_id|payment_id` with the key secret (Razorpay's documented scheme). */
export function checkoutSignature(keySecret: string, orderId: string, paymentId: string): string {
  return hmacSha256Hex(keySecret, `${orderId}|${paymentId}`);
}
