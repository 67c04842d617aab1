import type { MarketTickPayload } from '../../../platform/events/topics';

/**
 * At most one tick per symbol per `intervalMs` of quote time. A tick inside the window is held, and the
 * newest held one goes out when the window ends (`due`), so the last price before a quiet spell is never
 * lost. Pure: callers pass the time, which keeps it testable without timers.
 */
export function createTickThrottle(intervalMs = 1000) {
  const lastSent = new Map<string, number>();
  const held = new Map<string, MarketTickPayload>();
  return {
    /** The tick to publish now, or null when it is held for the end of the window. */
    offer(tick: MarketTickPayload): MarketTickPayload | null {
      const at = Date.parse(tick.at);
      const last = lastSent.get(tick.instrumentId);
      if (last === undefined || at - last >= intervalMs) {
        lastSent.set(tick.instrumentId, at);
        held.delete(tick.instrumentId);
        return tick;
      }
      held.set(tick.instrumentId, tick);
      return null;
    },
    /** Held ticks whose window has ended by `now` (quote time); they count as sent at `now`. */
    due(now: number): MarketTickPayload[] {
      const out: MarketTickPayload[] = [];
      for (const [id, tick] of held) {
        if (now - (lastSent.get(id) ?? 0) < intervalMs) continue;
        held.delete(id);
        lastSent.set(id, now);
        out.push(tick);
      }
      return out;
    },
  };
}

export type TickThrottle = ReturnType<typeof createTickThrottle>;
