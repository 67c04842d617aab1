import type { Admin, ITopicMetadata } from 'kafkajs';

export interface TopicProvisionerOptions {
  admin: Admin;
  partitions: number;
  /** How long a topic may take to have a leader for every partition before we give up. */
  readyTimeoutMs: number;
}

/** Broker answers that mean "not there yet" on a freshly created topic, not a real failure. */
const notReadyErrors = new Set([
  'UNKNOWN_TOPIC_OR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
  'NOT_LEADER_OR_FOLLOWER',
  'REQUEST_TIMED_OUT',
  'NOT_CONTROLLER',
]);

function errorType(error: unknown): string | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : undefined;
}

/** True for the errors a topic that was just created (by us or by another process) answers for a while. */
export function isTopicNotReady(error: unknown): boolean {
  const type = errorType(error);
  if (type && notReadyErrors.has(type)) return true;
  // kafkajs wraps per-topic failures of one request in an aggregate; topics someone else created
  // meanwhile (TOPIC_ALREADY_EXISTS) are fine, retrying settles the rest.
  const errors = (error as { errors?: unknown } | null)?.errors;
  return (
    Array.isArray(errors) &&
    errors.some(isTopicNotReady) &&
    errors.every((inner) => isTopicNotReady(inner) || errorType(inner) === 'TOPIC_ALREADY_EXISTS')
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it stops failing with a "topic not ready" error, for at most `timeoutMs`; then
 * fails naming `what` and the last broker answer. Any other error fails at once.
 */
export async function retryWhileTopicsNotReady<T>(
  what: string,
  timeoutMs: number,
  attempt: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 50; ; delay = Math.min(delay * 2, 1_000)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTopicNotReady(error)) throw error;
      if (Date.now() + delay > deadline) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new Error(`Kafka: ${what} still not ready after ${timeoutMs} ms (last answer: ${detail})`, {
          cause: error,
        });
      }
      await sleep(delay);
    }
  }
}

const unreadyPartitions = (topic: ITopicMetadata) =>
  topic.partitions.filter((partition) => partition.partitionErrorCode !== 0 || partition.leader < 0);

/**
 * Idempotent topic creation that is safe when several processes (or buses in one process) create the
 * same topics at once. `createTopics` answers TOPIC_ALREADY_EXISTS to all but one of them, and the
 * losers would then use a topic whose partitions have no leader yet ("This server does not host this
 * topic-partition"). So every caller, winner or not, waits until the broker's metadata shows a leader
 * for every partition of every topic, bounded by `readyTimeoutMs`.
 */
export function createTopicProvisioner({ admin, partitions, readyTimeoutMs }: TopicProvisionerOptions) {
  // One provisioning per topic per process: concurrent callers share it; a failure is forgotten so a
  // later call tries again.
  const inFlight = new Map<string, Promise<void>>();

  async function provision(topics: string[]): Promise<void> {
    await retryWhileTopicsNotReady(`creating topics ${topics.join(', ')}`, readyTimeoutMs, () =>
      // Resolves false (no throw) when every topic already exists; waitForLeaders only covers the
      // topics this call created, hence the explicit wait below.
      admin.createTopics({
        waitForLeaders: true,
        timeout: readyTimeoutMs,
        topics: topics.map((topic) => ({ topic, numPartitions: partitions })),
      }),
    );
    await retryWhileTopicsNotReady(`topics ${topics.join(', ')}`, readyTimeoutMs, async () => {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      const waiting = metadata.filter(
        (topic) => topic.partitions.length === 0 || unreadyPartitions(topic).length,
      );
      if (waiting.length > 0) {
        throw Object.assign(new Error(`no leader yet for ${waiting.map((topic) => topic.name).join(', ')}`), {
          type: 'LEADER_NOT_AVAILABLE',
        });
      }
    });
  }

  return {
    /** Resolves once every topic exists with a leader for each partition. */
    ensure(topics: string[]): Promise<void> {
      const pending = [...new Set(topics)].filter((topic) => !inFlight.has(topic));
      if (pending.length > 0) {
        const provisioning = provision(pending);
        for (const topic of pending) {
          inFlight.set(topic, provisioning);
          provisioning.catch(() => inFlight.delete(topic));
        }
      }
      return Promise.all(topics.map((topic) => inFlight.get(topic))).then(() => undefined);
    },
    /** Forget what was provisioned (after a disconnect: the topics may have been deleted meanwhile). */
    reset(): void {
      inFlight.clear();
    },
  };
}
