import type { Logger } from '../logger';
import type { BusSubscription, EventBus, EventEnvelope, EventHandler } from './envelope';

interface Group {
  members: EventHandler[];
  next: number;
  queue: Promise<void>;
}

/**
 * In-process stand-in for Kafka, for the single-process `npm start` only: same contract
 * (consumer groups, at-least-once, a failing handler is retried), nothing survives a restart.
 */
export function createMemoryBus({
  logger,
  retryDelayMs = 500,
}: {
  logger: Logger;
  retryDelayMs?: number;
}): EventBus {
  const groupsByTopic = new Map<string, Map<string, Group>>();
  let stopped = false;

  async function deliver(group: Group, event: EventEnvelope): Promise<void> {
    for (let attempt = 1; !stopped; attempt += 1) {
      const member = group.members[group.next++ % Math.max(group.members.length, 1)];
      if (!member) return;
      try {
        await member(event);
        return;
      } catch (error) {
        logger.warn({ err: error, eventId: event.id, attempt }, 'event handler failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, Math.min(retryDelayMs * attempt, 10_000)));
      }
    }
  }

  return {
    kind: 'in-process',
    async start() {
      stopped = false;
    },
    async stop() {
      stopped = true;
      const queues = [...groupsByTopic.values()].flatMap((groups) =>
        [...groups.values()].map((g) => g.queue),
      );
      await Promise.allSettled(queues);
    },
    async ready() {
      return !stopped;
    },
    async ensureTopics() {},
    async publish(events: EventEnvelope[]) {
      for (const event of events) {
        for (const group of groupsByTopic.get(event.topic)?.values() ?? []) {
          // Each group sees a topic's events one at a time, in publish order, like a single partition.
          group.queue = group.queue.then(() => deliver(group, structuredClone(event)));
        }
      }
    },
    async subscribe({
      groupId,
      topics,
      handler,
    }: {
      groupId: string;
      topics: string[];
      handler: EventHandler;
    }) {
      const joined: Group[] = [];
      for (const topic of topics) {
        const groups = groupsByTopic.get(topic) ?? new Map<string, Group>();
        groupsByTopic.set(topic, groups);
        const group = groups.get(groupId) ?? { members: [], next: 0, queue: Promise.resolve() };
        groups.set(groupId, group);
        group.members.push(handler);
        joined.push(group);
      }
      const subscription: BusSubscription = {
        async stop() {
          for (const group of joined) group.members = group.members.filter((member) => member !== handler);
        },
      };
      return subscription;
    },
  };
}
