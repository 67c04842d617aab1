import type { Tier } from './auth/viewer';

/**
 * What each tier may see of the signal stream. The signals subgraph applies it to history queries and
 * the gateway to live delivery, so a reconnecting client's catch-up matches what it would have received.
 */
export interface SignalTierRule {
  /** Signals reach this tier this long after they were published. */
  delayMs: number;
  /** Only the first N signals of each UTC day (by `Signal.dayIndex`); null: all of them. */
  dailyCap: number | null;
  /** How far back history queries reach; null: everything. */
  historyDays: number | null;
}

/** FREE's delay; deployments and tests override it (signals' FREE_SIGNAL_DELAY_MS, subgraph option). */
export const DEFAULT_FREE_SIGNAL_DELAY_MS = 15 * 60_000;

export function signalTierRules(freeDelayMs = DEFAULT_FREE_SIGNAL_DELAY_MS): Record<Tier, SignalTierRule> {
  return {
    FREE: { delayMs: freeDelayMs, dailyCap: 5, historyDays: 7 },
    PREMIUM: { delayMs: 0, dailyCap: null, historyDays: 90 },
    ENTERPRISE: { delayMs: 0, dailyCap: null, historyDays: null },
  };
}

/** When each tier may see a signal (ISO time), or null when it is past the tier's daily cap. */
export function signalReleaseTimes(
  rules: Record<Tier, SignalTierRule>,
  signal: { publishedAt: Date; dayIndex: number },
): Record<Tier, string | null> {
  const at = (rule: SignalTierRule) =>
    rule.dailyCap !== null && signal.dayIndex > rule.dailyCap
      ? null
      : new Date(signal.publishedAt.getTime() + rule.delayMs).toISOString();
  return { FREE: at(rules.FREE), PREMIUM: at(rules.PREMIUM), ENTERPRISE: at(rules.ENTERPRISE) };
}

/** Anonymous callers get the FREE view. */
export function tierOf(viewer: { tier: Tier } | null | undefined): Tier {
  return viewer?.tier ?? 'FREE';
}
