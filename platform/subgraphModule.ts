import type { GatewayReplayGuard } from './auth/gatewayReplayGuard';
import type { Domain } from './events/envelope';
import type { EventConsumer } from './events/inbox';
import { countUnpublished, createOutboxRelay } from './events/outbox';
import { createEventRetention } from './events/retention';
import { startOrUnwind, stopAll, stopInStages } from './lifecycle';
import type { Logger } from './logger';
import type { Infrastructure } from './runtime';

/** What every subgraph factory needs from its process. */
export interface SubgraphDeps {
  infra: Infrastructure;
  logger: Logger;
  gatewaySecret: string;
  /** Where gateway nonces are remembered (Redis when configured); unset: in-process per subgraph. */
  gatewayReplay?: GatewayReplayGuard;
  /** Relay poll interval; tests shorten it. */
  outboxPollMs?: number;
}

export interface ServesHttp {
  start(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

/** A subgraph with its background work: the outbox relay of its schema and its event consumers. */
export function assembleSubgraph<S extends ServesHttp>(
  name: Domain,
  deps: SubgraphDeps,
  server: S,
  consumers: EventConsumer[] = [],
) {
  const relay = createOutboxRelay({
    prisma: deps.infra.prisma,
    domain: name,
    bus: deps.infra.bus,
    logger: deps.logger,
    pollIntervalMs: deps.outboxPollMs,
  });
  const retention = createEventRetention({ prisma: deps.infra.prisma, domain: name, logger: deps.logger });
  let stopObserving: (() => void) | undefined;
  return {
    name,
    server,
    relay,
    consumers,
    start(port: number, host?: string): Promise<string> {
      return startOrUnwind(async (started) => {
        const url = await server.start(port, host);
        started(() => server.stop());
        // Consumers join their groups concurrently; a consumer that cannot start stops the rest.
        await stopAllOnFailure(
          consumers.map((consumer) => consumer.start()),
          () => stopAll(consumers.map((consumer) => () => consumer.stop())),
        );
        relay.start();
        retention.start();
        stopObserving = deps.infra.metrics?.observeOutbox(name, () =>
          countUnpublished(deps.infra.prisma, name),
        );
        return url;
      });
    },
    /** Stop taking requests first, then finish the relay batch in flight, then leave the groups. */
    async stop(): Promise<void> {
      stopObserving?.();
      await stopInStages([
        [() => server.stop()],
        [() => retention.stop(), () => relay.stop()],
        consumers.map((consumer) => () => consumer.stop()),
      ]);
    },
  };
}

/** Waits for every start; if any failed, runs `unwind` once all have settled, then fails. */
async function stopAllOnFailure(starts: Promise<unknown>[], unwind: () => Promise<void>): Promise<void> {
  const outcomes = await Promise.allSettled(starts);
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (!failure) return;
  await unwind().catch(() => undefined);
  throw failure.reason;
}

export type Subgraph = ReturnType<typeof assembleSubgraph<ServesHttp>>;
