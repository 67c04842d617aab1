import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import type { Tier, Viewer } from '../../platform/auth/viewer';
import type { LiveSignalEvent } from '../../platform/events/topics';
import type { Logger } from '../../platform/logger';
import type { SignalTierRule } from '../../platform/signalTiers';
import { liveFields, userOf, type LiveChannelName, type LiveEvent } from './liveFields';
import { groupKeyOf, LIVE_ENTITY_ID, type LiveOperation } from './liveOperation';
import { framesOf, memberOf, writeFrame, type Member, type Subscriber } from './liveSockets';

/** Runs a derived query through the supergraph as `viewer`. */
export type LiveExecutor = (
  query: string,
  variables: Record<string, unknown>,
  viewer: Viewer,
) => Promise<FormattedExecutionResult>;

export interface LiveFanoutHubOptions {
  execute: LiveExecutor;
  /** For signal events without `releaseAt` (older fan-outs); newer ones say when each tier sees them. */
  rules: Record<Tier, SignalTierRule>;
  logger: Logger;
  /** A socket whose unsent bytes pass this is closed rather than allowed to slow the others. */
  maxBufferedBytes?: number;
  /** false: one execution per subscriber (the naive baseline the benchmark compares against). */
  shareExecutions?: boolean;
  now?: () => number;
}

interface Group {
  tier: Tier;
  /** Whom the operation runs as: a tier's anonymous viewer, or the user of a per-user field. */
  viewer: Viewer;
  operation: LiveOperation;
  subscribers: Map<Subscriber, Member>;
  /** Coalesced events not yet written, by symbol (ticks). */
  pending: Map<string, LiveEvent>;
}

const RECENT_EVENTS = 10_000;

/** One event delivered to one group: what the delivery-latency metric and the benchmark read. */
export interface LiveDelivery {
  field: string;
  subscribers: number;
  /** Running the group's operation and serialising its result (shared mode only; else 0). */
  executeMs: number;
  /** Writing the frames to every socket (shared mode only; else 0). */
  writeMs: number;
  /** From the event reaching the group (after any tier delay) to its last frame written. */
  latencyMs: number;
}

/**
 * A viewer per tier, with no user: one execution serves many users, so it must not carry any one
 * user's identity (it could leak their private fields to the others).
 */
const tierViewer = (tier: Tier): Viewer => ({
  userId: '00000000-0000-4000-8000-000000000000',
  sessionId: 'live-fanout',
  roles: [],
  tier,
});

function matches(operation: LiveOperation, event: LiveEvent): boolean {
  const { spec, symbols, ids } = operation;
  const symbol = spec.symbol(event);
  if (symbols && (symbol === null || !symbols.has(symbol.toUpperCase()))) return false;
  return !ids || ids.has(spec.entityId(event));
}

/**
 * One gateway node's live delivery. Subscribers with the same field, arguments, selection and tier
 * (and, for per-user fields, user) form a group: per event the group's operation runs once, its result
 * is serialised once, and only the frame's id differs per socket. Signal fields follow the tier rules:
 * FREE groups get each event after the tier's delay and only within the daily cap.
 */
export function createLiveFanoutHub(options: LiveFanoutHubOptions) {
  const { execute, rules, maxBufferedBytes = 1_048_576 } = options;
  let shareExecutions = options.shareExecutions ?? true;
  const now = options.now ?? Date.now;
  const log = options.logger.child({ component: 'live-fanout-hub' });
  const groups = new Map<string, Group>();
  /** Tier-audience groups by field; per-user groups by user id. */
  const byField = new Map<string, Set<Group>>();
  const byUser = new Map<string, Set<Group>>();
  const recent = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let executions = 0;
  const deliveryListeners = new Set<(delivery: LiveDelivery) => void>();

  async function payloadOf(group: Group, event: LiveEvent): Promise<Buffer | null> {
    const { operation } = group;
    executions += 1;
    let result: ExecutionResult | FormattedExecutionResult;
    if (operation.local) result = operation.local(event);
    else {
      result = await execute(
        operation.query!,
        { ...operation.variables, [LIVE_ENTITY_ID]: operation.spec.entityId(event) },
        group.viewer,
      );
    }
    // null: this viewer may not see the entity (the subgraph applies its rules); nothing to send. A
    // user's own event never carries an error about someone else's entity to them.
    if (!result.data?.[operation.responseKey]) {
      if (!result.errors?.length) return null;
      if (operation.spec.audience === 'user') {
        log.warn({ field: operation.field, errors: result.errors }, 'user event not resolvable as its user');
        return null;
      }
    }
    return Buffer.from(JSON.stringify(result));
  }

  function delivered(group: Group, subscribers: number, receivedAt: number, executeMs = 0, writeMs = 0) {
    if (deliveryListeners.size === 0) return;
    const latencyMs = performance.now() - receivedAt;
    const delivery = { field: group.operation.field, subscribers, executeMs, writeMs, latencyMs };
    for (const listener of deliveryListeners) listener(delivery);
  }

  async function deliver(group: Group, event: LiveEvent, receivedAt: number): Promise<void> {
    const members = [...group.subscribers.values()];
    if (shareExecutions) {
      const executing = performance.now();
      const payload = await payloadOf(group, event);
      if (!payload) return;
      const writing = performance.now();
      const frameOf = framesOf(payload);
      for (const member of members) writeFrame(member, frameOf(member), maxBufferedBytes, log);
      const done = performance.now();
      delivered(group, members.length, receivedAt, writing - executing, done - writing);
      return;
    }
    await Promise.all(
      members.map(async (member) => {
        const payload = await payloadOf(group, event);
        if (payload) writeFrame(member, framesOf(payload)(member), maxBufferedBytes, log);
      }),
    );
    delivered(group, members.length, receivedAt);
  }

  function dispatch(group: Group, event: LiveEvent): void {
    const receivedAt = performance.now();
    if (!group.operation.spec.coalesce) {
      deliver(group, event, receivedAt).catch((error: unknown) =>
        log.error({ err: error, field: group.operation.field }, 'live delivery failed'),
      );
      return;
    }
    // A burst read from Redis in one go is written once per symbol: the latest wins.
    const first = group.pending.size === 0;
    group.pending.set(group.operation.spec.symbol(event) ?? '', event);
    if (!first) return;
    setImmediate(() => {
      const events = [...group.pending.values()];
      group.pending.clear();
      for (const pending of events) void deliver(group, pending, receivedAt).catch(() => {});
    });
  }

  function deliverTo(field: string, tier: Tier | null, event: LiveEvent): void {
    for (const group of byField.get(field) ?? []) {
      if ((tier === null || group.tier === tier) && matches(group.operation, event)) dispatch(group, event);
    }
  }

  function onSignalTiers(field: string, event: LiveSignalEvent): void {
    for (const [tier, rule] of Object.entries(rules) as [Tier, SignalTierRule][]) {
      // The fan-out's release times when the event has them (signals owns the rules); else ours.
      const release = event.releaseAt
        ? event.releaseAt[tier]
        : rule.dailyCap !== null && event.dayIndex > rule.dailyCap
          ? null
          : new Date(Date.parse(event.publishedAt) + rule.delayMs).toISOString();
      if (release === null || release === undefined) continue;
      const wait = Date.parse(release) - now();
      if (wait <= 0) {
        deliverTo(field, tier, event);
        continue;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        deliverTo(field, tier, event);
      }, wait);
      timers.add(timer);
    }
  }

  /** The index a group is listed in, and its key there. */
  function indexOf(group: Group): [Map<string, Set<Group>>, string] {
    return group.operation.spec.audience === 'user'
      ? [byUser, group.viewer.userId]
      : [byField, group.operation.field];
  }

  return {
    /** Called for every message on a live channel. */
    onEvent(channel: LiveChannelName, event: LiveEvent): void {
      if (channel === 'user') {
        const userId = userOf(event);
        for (const group of (userId && byUser.get(userId)) || []) {
          if (group.operation.spec.accepts(event) && matches(group.operation, event)) dispatch(group, event);
        }
        return;
      }
      for (const [field, spec] of Object.entries(liveFields)) {
        if (spec.channel !== channel || !spec.accepts(event)) continue;
        // Redis pub/sub is at-most-once, but the fan-out may publish twice after a crash: drop repeats.
        const repeat = spec.dedupeKey(event);
        if (repeat !== null) {
          if (recent.has(repeat)) continue;
          recent.add(repeat);
          if (recent.size > RECENT_EVENTS) recent.delete(recent.values().next().value!);
        }
        if (spec.signalTierRules) onSignalTiers(field, event as LiveSignalEvent);
        else deliverTo(field, null, event);
      }
    },

    /** Adds a subscriber as `viewer`; the returned function removes it. */
    subscribe(viewer: Viewer, operation: LiveOperation, subscriber: Subscriber): () => void {
      const perUser = operation.spec.audience === 'user';
      const key = groupKeyOf(perUser ? `user:${viewer.userId}:${viewer.tier}` : viewer.tier, operation);
      let group = groups.get(key);
      if (!group) {
        group = {
          tier: viewer.tier,
          viewer: perUser ? viewer : tierViewer(viewer.tier),
          operation,
          subscribers: new Map<Subscriber, Member>(),
          pending: new Map(),
        };
        groups.set(key, group);
        const [map, indexKey] = indexOf(group);
        map.set(indexKey, (map.get(indexKey) ?? new Set<Group>()).add(group));
      }
      const joined = group;
      joined.subscribers.set(subscriber, memberOf(subscriber));
      return () => {
        joined.subscribers.delete(subscriber);
        if (joined.subscribers.size > 0 || groups.get(key) !== joined) return;
        groups.delete(key);
        const [map, indexKey] = indexOf(joined);
        const listed = map.get(indexKey);
        listed?.delete(joined);
        if (listed?.size === 0) map.delete(indexKey);
      };
    },

    stats: () => ({
      groups: groups.size,
      subscribers: [...groups.values()].reduce((n, g) => n + g.subscribers.size, 0),
      executions,
    }),

    /** Told of every delivery (the latency metric, the benchmark's breakdown); returns the removal. */
    observeDeliveries(listener: (delivery: LiveDelivery) => void): () => void {
      deliveryListeners.add(listener);
      return () => deliveryListeners.delete(listener);
    },

    /** The benchmark compares both modes in one process. */
    setShareExecutions(share: boolean): void {
      shareExecutions = share;
    },

    stop(): void {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type LiveFanoutHub = ReturnType<typeof createLiveFanoutHub>;
