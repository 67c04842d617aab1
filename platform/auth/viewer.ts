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
export const GATEWAY_NONCE_HEADER = 'x-gateway-nonce';
/** Headers a client could try to forge: the gateway drops them before forwarding anything. */
export const INTERNAL_HEADERS = [
  VIEWER_HEADER,
  VIEWER_TIMESTAMP_HEADER,
  VIEWER_CLIENT_HEADER,
  GATEWAY_SIGNATURE_HEADER,
  GATEWAY_NONCE_HEADER,
];

const MAX_USER_AGENT_LENGTH = 512;

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A header value written by `viewerHeaders`; only read after its signature was checked. */
export function decodeHeaderValue<T>(encoded: string): T {
  return JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as T;
}

/**
 * The identity headers of a subgraph request, anonymous ones included (empty values). They are
 * encoded once per client request; the signature over them and the request is per fetch
 * (platform/auth/gatewaySignature.ts).
 */
export function viewerHeaders(
  viewer: Viewer | null,
  client: ClientInfo | null = null,
): { [VIEWER_HEADER]: string; [VIEWER_CLIENT_HEADER]: string } {
  return {
    [VIEWER_HEADER]: viewer ? encode(viewer) : '',
    [VIEWER_CLIENT_HEADER]: client
      ? encode({ ip: client.ip, userAgent: client.userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null })
      : '',
  };
}
