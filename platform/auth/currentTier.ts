import type { KeyValueStore } from '../keyValueStore';
import { ACCESS_TOKEN_TTL_SECONDS, MAX_CLOCK_TOLERANCE_SECONDS } from './accessToken';
import type { Tier } from './viewer';

const key = (userId: string) => `user-tier:${userId}`;

/**
 * A tier change takes effect at the user's next request, not at their next token refresh: identity
 * records the new tier here when billing announces it, and the gateway prefers this record over the
 * `tier` claim of an access token issued before it. The record lives as long as such a token could
 * still verify; every token issued afterwards carries the new tier itself.
 */
export async function recordCurrentTier(store: KeyValueStore, userId: string, tier: Tier): Promise<void> {
  await store.set(key(userId), tier, (ACCESS_TOKEN_TTL_SECONDS + MAX_CLOCK_TOLERANCE_SECONDS) * 1000);
}

export async function currentTierOf(store: KeyValueStore, userId: string): Promise<Tier | null> {
  const value = await store.get(key(userId));
  return value === 'FREE' || value === 'PREMIUM' || value === 'ENTERPRISE' ? value : null;
}
