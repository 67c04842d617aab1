import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type Tier = 'FREE' | 'PREMIUM' | 'ENTERPRISE';
export type Role = 'LEARNER' | 'TRADER' | 'ANALYST' | 'INSTRUCTOR' | 'ADMIN';

/** Who is calling, as verified by the gateway. Subgraphs never read identity from anything else. */
export interface Viewer {
  userId: string;
  sessionId: string;
  roles: Role[];
  tier: Tier;
}

export const VIEWER_HEADER = 'x-viewer';
export const VIEWER_TIMESTAMP_HEADER = 'x-viewer-ts';
export const GATEWAY_SIGNATURE_HEADER = 'x-gateway-signature';
/** Headers a client could try to forge: the gateway drops them before forwarding anything. */
export const INTERNAL_HEADERS = [VIEWER_HEADER, VIEWER_TIMESTAMP_HEADER, GATEWAY_SIGNATURE_HEADER];

const MAX_CLOCK_SKEW_MS = 5 * 60_000;

function sign(secret: string, timestamp: string, viewer: string, correlationId: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${viewer}.${correlationId}`).digest('base64url');
}

/** Headers the gateway adds to every subgraph request, anonymous ones included. */
export function signViewerHeaders(
  viewer: Viewer | null,
  correlationId: string,
  secret: string,
  now = Date.now(),
): Record<string, string> {
  const encoded = viewer ? Buffer.from(JSON.stringify(viewer)).toString('base64url') : '';
  const timestamp = String(now);
  return {
    [VIEWER_HEADER]: encoded,
    [VIEWER_TIMESTAMP_HEADER]: timestamp,
    [GATEWAY_SIGNATURE_HEADER]: sign(secret, timestamp, encoded, correlationId),
  };
}

export type GatewayVerification = { ok: true; viewer: Viewer | null } | { ok: false; reason: string };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A subgraph's check that a request came from the gateway, unaltered and recently. */
export function verifyGatewayHeaders(
  headers: IncomingHttpHeaders,
  correlationId: string,
  secret: string,
  now = Date.now(),
): GatewayVerification {
  const signature = header(headers, GATEWAY_SIGNATURE_HEADER);
  const timestamp = header(headers, VIEWER_TIMESTAMP_HEADER);
  const encoded = header(headers, VIEWER_HEADER) ?? '';
  if (!signature || !timestamp) return { ok: false, reason: 'missing gateway signature' };
  if (Math.abs(now - Number(timestamp)) > MAX_CLOCK_SKEW_MS)
    return { ok: false, reason: 'stale gateway signature' };
  const expected = Buffer.from(sign(secret, timestamp, encoded, correlationId));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return { ok: false, reason: 'invalid gateway signature' };
  }
  const viewer = encoded ? (JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Viewer) : null;
  return { ok: true, viewer };
}
