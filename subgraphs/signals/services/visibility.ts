import type { Viewer } from '../../../platform/auth/viewer';
import type { Prisma } from '../../../platform/prisma';
import type { Signal } from '../../../platform/prisma/generated/client';
import { tierOf, type SignalTierRule } from '../../../platform/signalTiers';

const DAY_MS = 86_400_000;

/** Which signals a tier may read at `now`: delayed, capped per day, and within its history window. */
export function visibleSignalsWhere(rule: SignalTierRule, now: Date): Prisma.SignalWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (rule.delayMs > 0) createdAt.lte = new Date(now.getTime() - rule.delayMs);
  if (rule.historyDays !== null) createdAt.gte = new Date(now.getTime() - rule.historyDays * DAY_MS);
  return {
    ...(Object.keys(createdAt).length > 0 ? { createdAt } : {}),
    ...(rule.dailyCap !== null ? { dayIndex: { lte: rule.dailyCap } } : {}),
  };
}

/** The same rule for one loaded row (entity references, an author's list). */
export function isSignalVisible(signal: Signal, rule: SignalTierRule, now: Date): boolean {
  const age = now.getTime() - signal.createdAt.getTime();
  if (age < rule.delayMs) return false;
  if (rule.historyDays !== null && age > rule.historyDays * DAY_MS) return false;
  return rule.dailyCap === null || signal.dayIndex <= rule.dailyCap;
}

export type SignalRules = Record<ReturnType<typeof tierOf>, SignalTierRule>;

export function ruleFor(rules: SignalRules, viewer: Viewer | null): SignalTierRule {
  return rules[tierOf(viewer)];
}
