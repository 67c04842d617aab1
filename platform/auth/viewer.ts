import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type Tier = 'FREE' | 'PREMIUM' | 'ENTERPRISE';
export type Role = 'LEARNER' | 'TRADER' | 'ANALYST' | 'INSTRUCTOR' | 'SUPPORT' | 'ADMIN';

/** Who is calling, as verified by the gateway. Subgraphs never read identity from anything else. */
export interface Viewer {
  userId: string;
  sessionId: string;
  roles: Role[];
  tier: Tier;
  /** The token's `kyc` claim (identity's KycStatus); absent in viewers built before it existed. */
  kyc?: string;
}

/** Where a request came from, as the gateway saw it (sessions list, per-IP lockout, audit). */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export const VIEWER_HEADER = 'x-viewer';
export const VIEWER_TIMESTAMP_HEADER = 'x-viewer-ts';
export const VIEWER_CLIENT_HEADER = 'x-viewer-client';
export const GATEWAY_SIGNATURE_HEADER = 'x-gateway-signature';
/** Headers a client could try to forge: the gateway drops them before forwarding anything. */
export const INTERNAL_HEADERS = [
  VIEWER_HEADER,
  VIEWER_TIMESTAMP_HEADER,
  VIEWER_CLIENT_HEADER,
  GATEWAY_SIGNATURE_HEADER,
];

const MAX_CLOCK_SKEW_MS = 5 * 60_000;
const MAX_USER_AGENT_LENGTH = 512;

function sign(
  secret: string,
  timestamp: string,
  viewer: string,
  correlationId: string,
  client: string,
): string {
  return createHmac('sha256', secret)
    .update(`${timestamp}.${viewer}.${correlationId}.${client}`)
    .digest('base64url');
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode<T>(encoded: string): T {
  return JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as T;
}

/** Headers the gateway adds to every subgraph request, anonymous ones included. */
export function signViewerHeaders(
  viewer: Viewer | null,
  correlationId: string,
  secret: string,
  now = Date.now(),
  client: ClientInfo | null = null,
): Record<string, string> {
  const encoded = viewer ? encode(viewer) : '';
  const encodedClient = client
    ? encode({ ip: client.ip, userAgent: client.userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null })
    : '';
  const timestamp = String(now);
  return {
    [VIEWER_HEADER]: encoded,
    [VIEWER_TIMESTAMP_HEADER]: timestamp,
    [VIEWER_CLIENT_HEADER]: encodedClient,
    [GATEWAY_SIGNATURE_HEADER]: sign(secret, timestamp, encoded, correlationId, encodedClient),
  };
}

export type GatewayVerification =
  { ok: true; viewer: Viewer | null; client: ClientInfo | null } | { ok: false; reason: string };

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
  const encodedClient = header(headers, VIEWER_CLIENT_HEADER) ?? '';
  if (!signature || !timestamp) return { ok: false, reason: 'missing gateway signature' };
  if (Math.abs(now - Number(timestamp)) > MAX_CLOCK_SKEW_MS)
    return { ok: false, reason: 'stale gateway signature' };
  const expected = Buffer.from(sign(secret, timestamp, encoded, correlationId, encodedClient));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return { ok: false, reason: 'invalid gateway signature' };
  }
  return {
    ok: true,
    viewer: encoded ? decode<Viewer>(encoded) : null,
    client: encodedClient ? decode<ClientInfo>(encodedClient) : null,
  };
}
