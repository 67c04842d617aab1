import type { KeyValueStore } from '../keyValueStore';
import { ACCESS_TOKEN_TTL_SECONDS, MAX_CLOCK_TOLERANCE_SECONDS } from './accessToken';

const key = (sessionId: string) => `session-revoked:${sessionId}`;

/**
 * Access tokens are stateless for 15 minutes; revoking a session must still stop them at once. The
 * entry lives while some token of the session could still verify, then Redis forgets it.
 */
export async function denySession(store: KeyValueStore, sessionId: string): Promise<void> {
  await store.set(key(sessionId), '1', (ACCESS_TOKEN_TTL_SECONDS + MAX_CLOCK_TOLERANCE_SECONDS) * 1000);
}

export async function isSessionDenied(store: KeyValueStore, sessionId: string): Promise<boolean> {
  return (await store.get(key(sessionId))) !== null;
}
