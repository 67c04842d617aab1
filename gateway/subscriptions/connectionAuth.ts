import { decodeJwt } from 'jose';
import type { Viewer } from '../../platform/auth/viewer';

export interface ConnectionIdentity {
  viewer: Viewer;
  /** Epoch ms the token stops being valid: the socket closes then. */
  expiresAt: number;
}

/** The gateway's HTTP token check (gateway/auth `verifyToken`): throws when the token is not valid. */
export type TokenVerifier = (token: string, correlationId: string) => Promise<Viewer>;

/** `{ authorization: "Bearer <token>" }` (as over HTTP) or `{ accessToken: "<token>" }`. */
function tokenFrom(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const authorization = params?.authorization ?? params?.Authorization;
  if (typeof authorization === 'string') return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  return typeof params?.accessToken === 'string' ? params.accessToken : undefined;
}

/**
 * connection_init carries the same access token as HTTP and gets exactly the same check (signature
 * from identity's JWKS, issuer, audience, expiry, type, revoked sessions). null: refuse the connection.
 */
export async function authenticateConnection(
  params: Readonly<Record<string, unknown>> | undefined,
  verify: TokenVerifier,
  correlationId: string,
): Promise<ConnectionIdentity | null> {
  const token = tokenFrom(params);
  if (!token) return null;
  try {
    const viewer = await verify(token, correlationId);
    // Verified above; only the expiry is read here, to close the socket when the token lapses.
    const { exp } = decodeJwt(token);
    return { viewer, expiresAt: typeof exp === 'number' ? exp * 1000 : Date.now() };
  } catch {
    return null;
  }
}
