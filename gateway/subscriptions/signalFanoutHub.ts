import type { FormattedExecutionResult } from 'graphql';
import type { Tier, Viewer } from '../../platform/auth/viewer';
import type { LiveSignalEvent } from '../../platform/events/topics';
import type { Logger } from '../../platform/logger';
import type { SignalTierRule } from '../../platform/signalTiers';
import { groupKeyOf, LIVE_SIGNAL_ID, type LiveOperation } from './liveOperation';

/** What the hub needs of a WebSocket: `ws` sockets fit. */
export interface LiveSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface Subscriber {
  socket: LiveSocket;
  /** The graphql-ws subscription id: each frame names it. */
  id: string;
}

/** Runs a derived query through the supergraph as `viewer`. */
export type LiveExecutor = (
  query: string,
  variables: Record<string, unknown>,
  viewer: Viewer,
) => Promise<FormattedExecutionResult>;

export interface SignalFanoutHubOptions {
  execute: LiveExecutor;
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
  operation: LiveOperation;
  subscribers: Set<Subscriber>;
}

const OPEN = 1;
export const SLOW_CONSUMER_CLOSE_CODE = 1013;
const RECENT_EVENTS = 10_000;

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

/**
 * One gateway node's live signal delivery. Subscribers with the same derived operation, variables,
 * filter and tier form a group: per event the group's operation runs once, its result is serialised
 * once, and only the frame's id differs per socket. FREE groups get each event after the tier's
 * delay and only within the daily cap.
 */
export function createSignalFanoutHub(options: SignalFanoutHubOptions) {
  const { execute, rules, maxBufferedBytes = 1_048_576 } = options;
  let shareExecutions = options.shareExecutions ?? true;
  const now = options.now ?? Date.now;
  const log = options.logger.child({ component: 'signal-fanout-hub' });
  const groups = new Map<string, Group>();
  const recent = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let executions = 0;

  function send(subscriber: Subscriber, payloadJson: string): void {
    const { socket } = subscriber;
    if (socket.readyState !== OPEN) return;
    if (socket.bufferedAmount > maxBufferedBytes) {
      log.warn({ bufferedAmount: socket.bufferedAmount }, 'slow live subscriber disconnected');
      socket.close(SLOW_CONSUMER_CLOSE_CODE, 'Send buffer limit exceeded');
      return;
    }
    socket.send(`{"id":${JSON.stringify(subscriber.id)},"type":"next","payload":${payloadJson}}`);
  }

  async function run(group: Group, event: LiveSignalEvent): Promise<string | null> {
    executions += 1;
    const result = await execute(
      group.operation.query,
      { ...group.operation.variables, [LIVE_SIGNAL_ID]: event.signalId },
      tierViewer(group.tier),
    );
    // null: the tier may not see this signal (the subgraph applies the same rules); nothing to send.
    if (!result.errors?.length && !result.data?.[group.operation.responseKey]) return null;
    return JSON.stringify(result);
  }

  async function deliver(group: Group, event: LiveSignalEvent): Promise<void> {
    const { symbols } = group.operation;
    if (symbols && !symbols.has(event.symbol.toUpperCase())) return;
    const subscribers = [...group.subscribers];
    if (shareExecutions) {
      const payload = await run(group, event);
      if (payload) for (const subscriber of subscribers) send(subscriber, payload);
      return;
    }
    await Promise.all(
      subscribers.map(async (subscriber) => {
        const payload = await run(group, event);
        if (payload) send(subscriber, payload);
      }),
    );
  }

  function deliverTier(tier: Tier, event: LiveSignalEvent): void {
    const work = [...groups.values()].filter((group) => group.tier === tier).map((g) => deliver(g, event));
    Promise.all(work).catch((error: unknown) =>
      log.error({ err: error, signalId: event.signalId }, 'live signal delivery failed'),
    );
  }

  return {
    /** Called for every message on the live channel. */
    onEvent(event: LiveSignalEvent): void {
      // Redis pub/sub is at-most-once, but the fan-out may publish twice after a crash: drop repeats.
      if (recent.has(event.signalId)) return;
      recent.add(event.signalId);
      if (recent.size > RECENT_EVENTS) recent.delete(recent.values().next().value!);
      for (const [tier, rule] of Object.entries(rules) as [Tier, SignalTierRule][]) {
        if (rule.dailyCap !== null && event.dayIndex > rule.dailyCap) continue;
        const wait = Date.parse(event.publishedAt) + rule.delayMs - now();
        if (wait <= 0) {
          deliverTier(tier, event);
          continue;
        }
        const timer = setTimeout(() => {
          timers.delete(timer);
          deliverTier(tier, event);
        }, wait);
        timers.add(timer);
      }
    },

    /** Adds a subscriber; the returned function removes it. */
    subscribe(tier: Tier, operation: LiveOperation, subscriber: Subscriber): () => void {
      const key = groupKeyOf(tier, operation);
      const group = groups.get(key) ?? { tier, operation, subscribers: new Set<Subscriber>() };
      groups.set(key, group);
      group.subscribers.add(subscriber);
      return () => {
        group.subscribers.delete(subscriber);
        if (group.subscribers.size === 0 && groups.get(key) === group) groups.delete(key);
      };
    },

    stats: () => ({
      groups: groups.size,
      subscribers: [...groups.values()].reduce((n, g) => n + g.subscribers.size, 0),
      executions,
    }),

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

export type SignalFanoutHub = ReturnType<typeof createSignalFanoutHub>;
