import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { CORRELATION_HEADER } from '../logger';
import {
  decodeHeaderValue,
  GATEWAY_NONCE_HEADER,
  GATEWAY_SIGNATURE_HEADER,
  VIEWER_CLIENT_HEADER,
  VIEWER_HEADER,
  VIEWER_TIMESTAMP_HEADER,
  viewerHeaders,
  type ClientInfo,
  type Viewer,
} from './viewer';

/** The ceiling: a captured request is worthless after at most this long. */
export const MAX_GATEWAY_SIGNATURE_WINDOW_MS = 30_000;

/** What one gateway → subgraph request is, exactly as it goes on the wire. */
export interface SignedTarget {
  method: string;
  /** The subgraph it is meant for: a request signed for billing is refused by trading. */
  subgraph: string;
  /** Path and query string, as the subgraph sees them in `req.url`. */
  path: string;
  /** The exact body bytes (a string is hashed as UTF-8, as it is sent). */
  body: string | Buffer;
}

/** Who the request is for, as the gateway put it in the headers (encoded once per client request). */
export interface SignedIdentity {
  viewer: string;
  client: string;
  correlationId: string;
}

const bodyHash = (body: string | Buffer) => createHash('sha256').update(body).digest('base64url');

// Every field is newline-free (base64url, a checked correlation id, an HTTP method and path), so
// joining them with newlines is unambiguous: no field can be shifted into its neighbour.
function signature(
  secret: string,
  target: SignedTarget,
  identity: SignedIdentity,
  timestamp: string,
  nonce: string,
): string {
  return createHmac('sha256', secret)
    .update(
      [
        'tradeschool-gateway-v2',
        target.method.toUpperCase(),
        target.subgraph,
        target.path,
        bodyHash(target.body),
        timestamp,
        nonce,
        identity.viewer,
        identity.correlationId,
        identity.client,
      ].join('\n'),
    )
    .digest('base64url');
}

/** The per-fetch headers: timestamp, single-use nonce and the HMAC over request and identity. */
export function signGatewayRequest(
  secret: string,
  target: SignedTarget,
  identity: SignedIdentity,
  now = Date.now(),
  nonce: string = randomUUID(),
): Record<string, string> {
  const timestamp = String(now);
  return {
    [VIEWER_TIMESTAMP_HEADER]: timestamp,
    [GATEWAY_NONCE_HEADER]: nonce,
    [GATEWAY_SIGNATURE_HEADER]: signature(secret, target, identity, timestamp, nonce),
  };
}

/**
 * Every header of one signed subgraph request, for callers that are not the gateway's data source
 * (tests and benches standing in for the gateway): identity, correlation id and signature.
 */
export function signedSubgraphHeaders(
  secret: string,
  target: SignedTarget,
  who: { viewer: Viewer | null; client?: ClientInfo | null; correlationId: string },
  now = Date.now(),
): Record<string, string> {
  const identity = viewerHeaders(who.viewer, who.client ?? null);
  return {
    [CORRELATION_HEADER]: who.correlationId,
    ...identity,
    ...signGatewayRequest(
      secret,
      target,
      {
        viewer: identity[VIEWER_HEADER],
        client: identity[VIEWER_CLIENT_HEADER],
        correlationId: who.correlationId,
      },
      now,
    ),
  };
}

/** Why a subgraph refused a request; each has a stable code the refusal answers with. */
export const GatewayRefusals = {
  missing: { status: 401, code: 'UNAUTHENTICATED', message: 'missing gateway signature' },
  expired: {
    status: 401,
    code: 'GATEWAY_SIGNATURE_EXPIRED',
    message: 'gateway signature outside its window',
  },
  invalid: { status: 401, code: 'GATEWAY_SIGNATURE_INVALID', message: 'invalid gateway signature' },
  replayed: { status: 403, code: 'GATEWAY_REQUEST_REPLAYED', message: 'gateway request already seen' },
} as const;
export type GatewayRefusal = keyof typeof GatewayRefusals;

export type GatewayVerification =
  | {
      ok: true;
      viewer: Viewer | null;
      client: ClientInfo | null;
      nonce: string;
      /** Until when (ms since epoch) the nonce must be remembered: after it the window refuses anyway. */
      nonceExpiresAt: number;
    }
  | { ok: false; refusal: GatewayRefusal };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A subgraph's check that a request came from the gateway, for this subgraph, unaltered and within
 * the window. The nonce's single use is checked by the caller (platform/auth/gatewayReplayGuard.ts),
 * after this: an unsigned flood never reaches Redis.
 */
export function verifyGatewayRequest(
  secret: string,
  headers: IncomingHttpHeaders,
  target: SignedTarget,
  correlationId: string,
  options: { windowMs: number; now?: number },
): GatewayVerification {
  const now = options.now ?? Date.now();
  const windowMs = Math.min(options.windowMs, MAX_GATEWAY_SIGNATURE_WINDOW_MS);
  const actual = header(headers, GATEWAY_SIGNATURE_HEADER);
  const timestamp = header(headers, VIEWER_TIMESTAMP_HEADER);
  const nonce = header(headers, GATEWAY_NONCE_HEADER);
  if (!actual || !timestamp || !nonce) return { ok: false, refusal: 'missing' };
  const signedAt = Number(timestamp);
  if (!Number.isSafeInteger(signedAt) || Math.abs(now - signedAt) > windowMs) {
    return { ok: false, refusal: 'expired' };
  }
  const identity = {
    viewer: header(headers, VIEWER_HEADER) ?? '',
    client: header(headers, VIEWER_CLIENT_HEADER) ?? '',
    correlationId,
  };
  const expected = Buffer.from(signature(secret, target, identity, timestamp, nonce));
  const given = Buffer.from(actual);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, refusal: 'invalid' };
  }
  return {
    ok: true,
    viewer: identity.viewer ? decodeHeaderValue<Viewer>(identity.viewer) : null,
    client: identity.client ? decodeHeaderValue<ClientInfo>(identity.client) : null,
    nonce,
    nonceExpiresAt: signedAt + windowMs,
  };
}
