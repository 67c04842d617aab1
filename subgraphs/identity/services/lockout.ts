import type { IdentitySettings } from '../config';
import { RateLimitedError } from '../../../platform/errors';
import type { KeyValueStore } from '../../../platform/keyValueStore';

const DAY_MS = 86_400_000;

export type LockScope = 'account' | 'ip';

export interface FailureOutcome {
  /** Set when this failure started a lockout. */
  locked: { scope: LockScope; seconds: number } | null;
}

/**
 * Failed password and TOTP attempts counted in Redis per account and per client IP. Crossing a
 * threshold locks the account (or IP); each further lockout within a day doubles its length. Every
 * attempt counts on its own, so a hundred aliased logins in one request are a hundred attempts.
 */
export function createLockout(
  store: KeyValueStore,
  settings: Pick<
    IdentitySettings,
    | 'LOCKOUT_ACCOUNT_THRESHOLD'
    | 'LOCKOUT_IP_THRESHOLD'
    | 'LOCKOUT_WINDOW_SECONDS'
    | 'LOCKOUT_BASE_SECONDS'
    | 'LOCKOUT_MAX_SECONDS'
  >,
  namespace: string,
) {
  const key = (kind: string, scope: LockScope, subject: string) => `${namespace}${kind}:${scope}:${subject}`;
  const windowMs = settings.LOCKOUT_WINDOW_SECONDS * 1000;
  const thresholds: Record<LockScope, number> = {
    account: settings.LOCKOUT_ACCOUNT_THRESHOLD,
    ip: settings.LOCKOUT_IP_THRESHOLD,
  };

  async function lockedFor(scope: LockScope, subject: string): Promise<number | null> {
    const remaining = await store.ttlMs(key('lock', scope, subject));
    return remaining === null ? null : Math.max(1, Math.ceil(remaining / 1000));
  }

  async function fail(scope: LockScope, subject: string): Promise<number | null> {
    const failures = await store.increment(key('fail', scope, subject), windowMs);
    if (failures < thresholds[scope]) return null;
    const lockouts = await store.increment(key('lockouts', scope, subject), DAY_MS);
    const seconds = Math.min(
      settings.LOCKOUT_MAX_SECONDS,
      settings.LOCKOUT_BASE_SECONDS * 2 ** (lockouts - 1),
    );
    await store.set(key('lock', scope, subject), String(lockouts), seconds * 1000);
    await store.delete(key('fail', scope, subject));
    return seconds;
  }

  return {
    /** Refuses while the account or the IP is locked; the refused attempt still counts against the IP. */
    async assertNotLocked(account: string, ip: string | null): Promise<void> {
      const accountLock = await lockedFor('account', account);
      const ipLock = ip ? await lockedFor('ip', ip) : null;
      const retryAfter = Math.max(accountLock ?? 0, ipLock ?? 0);
      if (retryAfter === 0) return;
      if (ip && !ipLock) await fail('ip', ip);
      throw new RateLimitedError(retryAfter);
    },
    async recordFailure(account: string, ip: string | null): Promise<FailureOutcome> {
      const accountSeconds = await fail('account', account);
      const ipSeconds = ip ? await fail('ip', ip) : null;
      if (accountSeconds) return { locked: { scope: 'account', seconds: accountSeconds } };
      if (ipSeconds) return { locked: { scope: 'ip', seconds: ipSeconds } };
      return { locked: null };
    },
    /** A success clears the account's failure count (not its lockout history). */
    async recordSuccess(account: string): Promise<void> {
      await store.delete(key('fail', 'account', account));
    },
    /**
     * Proven control of the mailbox (a password reset): the account's failure count and current lock
     * go, so the owner can sign in at once. The lockout history stays: a further lock still doubles.
     */
    async clearAccount(account: string): Promise<void> {
      await store.delete(key('fail', 'account', account));
      await store.delete(key('lock', 'account', account));
    },
  };
}

export type Lockout = ReturnType<typeof createLockout>;
