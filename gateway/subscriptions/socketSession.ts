import { randomUUID } from 'node:crypto';
import type { Tier, Viewer } from '../../platform/auth/viewer';
import type { Logger } from '../../platform/logger';
import { authenticateConnection, type TokenVerifier } from './connectionAuth';

/** graphql-ws's close code for an unauthorised socket: the client gets a new token and reconnects. */
export const TOKEN_EXPIRED_CLOSE_CODE = 4401;
/** A re-authentication that would change the viewer's tier: its subscriptions were set up for the old one. */
export const TIER_CHANGED_CLOSE_CODE = 4403;

interface ClosableSocket {
  close(code?: number, reason?: string): void;
}

export interface SocketSessionOptions {
  verifyToken: TokenVerifier;
  logger: Logger;
  /**
   * The user's tier as billing last set it (platform/auth/currentTier.ts), asked every `tierCheckMs`:
   * when it is no longer the socket's, the socket closes 4403 and the client reconnects, getting the
   * new tier (its old token's claim is overridden the same way over HTTP).
   */
  currentTier?: ((userId: string) => Promise<Tier | null>) | undefined;
  tierCheckMs?: number | undefined;
}

/**
 * One authenticated socket: its viewer and the deadline its token sets. Before the deadline the client
 * may re-authenticate by sending a graphql-ws ping whose payload is `{ "accessToken": "<new token>" }`:
 * the token gets the HTTP check (signature, expiry, revoked sessions); if it is the same user and tier,
 * the deadline moves to its expiry. The pong answers `{ "reauthenticated": true, "expiresAt": ... }`
 * (or false, the deadline unchanged), never echoing the token. At the deadline the socket closes 4401.
 */
export async function createSocketSession(
  socket: ClosableSocket,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  { verifyToken, logger, currentTier, tierCheckMs = 10_000 }: SocketSessionOptions,
) {
  const correlationId = randomUUID();
  const identity = await authenticateConnection(connectionParams, verifyToken, correlationId);
  if (!identity) {
    logger.info({ correlationId }, 'live connection refused: missing or invalid access token');
    return null;
  }
  let expiry: NodeJS.Timeout | undefined;
  const expireAt = (at: number) => {
    clearTimeout(expiry);
    expiry = setTimeout(
      () => socket.close(TOKEN_EXPIRED_CLOSE_CODE, 'Access token expired'),
      Math.max(at - Date.now(), 0),
    );
  };
  expireAt(identity.expiresAt);
  const tierCheck = currentTier
    ? setInterval(() => {
        void currentTier(session.viewer.userId)
          .then((tier) => {
            if (tier && tier !== session.viewer.tier) {
              logger.info({ correlationId, tier }, 'live socket closed: the tier changed');
              socket.close(TIER_CHANGED_CLOSE_CODE, 'Tier changed: reconnect');
            }
          })
          .catch((error: unknown) => logger.warn({ err: error }, 'live tier check failed'));
      }, tierCheckMs).unref()
    : undefined;

  const session = {
    viewer: identity.viewer as Viewer,
    expiresAt: identity.expiresAt,

    /** A ping's payload; a payload with `accessToken` is answered in place (the pong carries it back). */
    async reauthenticate(payload: Record<string, unknown> | undefined): Promise<void> {
      if (typeof payload?.accessToken !== 'string') return;
      const accessToken = payload.accessToken;
      delete payload.accessToken;
      const next = await authenticateConnection({ accessToken }, verifyToken, correlationId);
      if (!next || next.viewer.userId !== session.viewer.userId) {
        logger.info({ correlationId }, 'live re-authentication refused');
        payload.reauthenticated = false;
        return;
      }
      if (next.viewer.tier !== session.viewer.tier) {
        payload.reauthenticated = false;
        socket.close(TIER_CHANGED_CLOSE_CODE, 'Tier changed: reconnect with the new token');
        return;
      }
      session.viewer = next.viewer;
      session.expiresAt = next.expiresAt;
      expireAt(next.expiresAt);
      payload.reauthenticated = true;
      payload.expiresAt = new Date(next.expiresAt).toISOString();
    },

    close(): void {
      clearTimeout(expiry);
      clearInterval(tierCheck);
    },
  };
  return session;
}

export type SocketSession = NonNullable<Awaited<ReturnType<typeof createSocketSession>>>;
