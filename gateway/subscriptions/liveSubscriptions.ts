import type { Server } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Viewer } from '../../platform/auth/viewer';
import { LiveChannels, type LiveSignalEvent } from '../../platform/events/topics';
import type { Logger } from '../../platform/logger';
import type { LivePubSub } from '../../platform/pubsub';
import { signalTierRules } from '../../platform/signalTiers';
import { authenticateConnection, type TokenVerifier } from './connectionAuth';
import { deriveLiveOperation } from './liveOperation';
import { createSignalFanoutHub, type LiveExecutor } from './signalFanoutHub';

export interface LiveSubscriptionsOptions {
  httpServer: Server;
  path?: string;
  pubsub: LivePubSub;
  channel?: string;
  /** The HTTP path's token check, reused as is. */
  verifyToken: TokenVerifier;
  execute: LiveExecutor;
  /** Called with the current API schema; register before the gateway loads its supergraph. */
  onSchema: (listener: (schema: GraphQLSchema) => void) => void;
  freeSignalDelayMs?: number;
  logger: Logger;
  keepAliveMs?: number;
}

interface ConnectionExtra extends Record<PropertyKey, unknown> {
  viewer: Viewer;
  expiry: NodeJS.Timeout;
}

const TOKEN_EXPIRED_CLOSE_CODE = 4401;

/** An async generator that yields nothing: frames are written by the hub; `return()` unsubscribes. */
function heldOpen(unsubscribe: () => void): AsyncGenerator<ExecutionResult> {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const done = async (): Promise<IteratorResult<ExecutionResult>> => {
    unsubscribe();
    release();
    return { done: true, value: undefined };
  };
  return {
    next: () => released.then(() => ({ done: true as const, value: undefined })),
    return: done,
    throw: done,
    [Symbol.asyncIterator]() {
      return this;
    },
    async [Symbol.asyncDispose]() {
      await done();
    },
  };
}

/**
 * The gateway's graphql-ws server, on the HTTP server's port and path. @apollo/gateway serves no
 * subscriptions: this validates them against the current supergraph, authenticates at connection_init,
 * and delivers live signals from the pub/sub channel through the fan-out hub.
 */
export function createLiveSubscriptions(options: LiveSubscriptionsOptions) {
  const { pubsub, logger, channel = LiveChannels.signals } = options;
  const log = logger.child({ component: 'live-subscriptions' });
  let schema: GraphQLSchema | undefined;
  options.onSchema((next) => {
    schema = next;
  });
  const hub = createSignalFanoutHub({
    execute: options.execute,
    rules: signalTierRules(options.freeSignalDelayMs),
    logger,
  });
  let wss: WebSocketServer | undefined;
  let dispose: { dispose(): void | Promise<void> } | undefined;
  let channelSubscription: number | undefined;

  function listen(): void {
    wss = new WebSocketServer({ server: options.httpServer, path: options.path ?? '/graphql' });
    dispose = useServer<Record<string, unknown>, ConnectionExtra>(
      {
        schema: () => {
          if (!schema) throw new Error('supergraph not loaded yet');
          return schema;
        },
        onConnect: async (ctx) => {
          const correlationId = randomUUID();
          const identity = await authenticateConnection(
            ctx.connectionParams,
            options.verifyToken,
            correlationId,
          );
          if (!identity) {
            log.info({ correlationId }, 'live connection refused: missing or invalid access token');
            return false;
          }
          ctx.extra.viewer = identity.viewer;
          // No re-authentication over the socket: when the token expires, the client reconnects with a new one.
          ctx.extra.expiry = setTimeout(
            () => ctx.extra.socket.close(TOKEN_EXPIRED_CLOSE_CODE, 'Access token expired'),
            Math.max(identity.expiresAt - Date.now(), 0),
          );
          return true;
        },
        onClose: (ctx) => clearTimeout(ctx.extra.expiry),
        context: (ctx, id) => ({ viewer: ctx.extra.viewer, socket: ctx.extra.socket, id }),
        subscribe: (args) => {
          const context = args.contextValue as { viewer: Viewer; socket: WebSocket; id: string };
          const operation = deriveLiveOperation(args.document, args.operationName, args.variableValues);
          if (operation instanceof GraphQLError) return { errors: [operation] };
          const unsubscribe = hub.subscribe(context.viewer.tier, operation, {
            socket: context.socket,
            id: context.id,
          });
          return heldOpen(unsubscribe);
        },
      },
      wss,
      options.keepAliveMs,
    );
  }

  return {
    hub,
    async start(): Promise<void> {
      listen();
      channelSubscription = await pubsub.engine.subscribe(
        channel,
        (event: LiveSignalEvent) => hub.onEvent(event),
        {},
      );
    },
    /** Closes every live socket (clients reconnect elsewhere and catch up by sequence). */
    async stop(): Promise<void> {
      if (channelSubscription !== undefined) pubsub.engine.unsubscribe(channelSubscription);
      channelSubscription = undefined;
      hub.stop();
      for (const client of wss?.clients ?? []) client.close(1001, 'Gateway shutting down');
      await dispose?.dispose();
      await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()));
      wss = undefined;
    },
  };
}

export type LiveSubscriptions = ReturnType<typeof createLiveSubscriptions>;
