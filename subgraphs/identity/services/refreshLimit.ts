import type { ClientInfo } from '../../../platform/auth/viewer';
import type { KeyValueStore } from '../../../platform/keyValueStore';
import type { IdentitySettings } from '../config';

/**
 * Refreshes counted per refresh token (by its hash) and per client IP. Identity counts them itself,
 * not the gateway's rate limiter, because the limit may only refuse a refresh that would rotate:
 * a token already rotated must reach reuse detection and revoke its family even when an attacker
 * has spent the allowance (sessions.ts asks `exceeded` only for tokens that are not reused).
 */
export function createRefreshLimit(
  store: KeyValueStore,
  settings: Pick<
    IdentitySettings,
    'REFRESH_LIMIT_PER_TOKEN' | 'REFRESH_LIMIT_PER_IP' | 'REFRESH_LIMIT_WINDOW_SECONDS'
  >,
  namespace: string,
) {
  const windowMs = settings.REFRESH_LIMIT_WINDOW_SECONDS * 1000;
  return {
    /** Counts this attempt; true when the token or the IP has gone over its allowance. */
    async exceeded(tokenHash: string, client: ClientInfo | null): Promise<boolean> {
      const [perToken, perIp] = await Promise.all([
        store.increment(`${namespace}refresh:token:${tokenHash}`, windowMs),
        store.increment(`${namespace}refresh:ip:${client?.ip ?? 'unknown'}`, windowMs),
      ]);
      return perToken > settings.REFRESH_LIMIT_PER_TOKEN || perIp > settings.REFRESH_LIMIT_PER_IP;
    },
  };
}

export type RefreshLimit = ReturnType<typeof createRefreshLimit>;
