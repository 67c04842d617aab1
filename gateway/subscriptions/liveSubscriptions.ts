import type { Server } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, parse, validate, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Viewer } from '../../platform/auth/viewer';
import { ForbiddenError, UnauthenticatedError } from '../../platform/errors';
import type { LiveDocumentPayload } from '../limits/trustedDocuments';
import { LiveChannels } from '../../platform/events/topics';
import type { Logger } from '../../platform/logger';
import type { LivePubSub } from '../../platform/pubsub';
import { signalTierRules } from '../../platform/signalTiers';
import { type TokenVerifier } from './connectionAuth';
import { createLiveFanoutHub, type LiveExecutor } from './liveFanoutHub';
import { liveChannelNames, type LiveChannelName, type LiveEvent } from './liveFields';
import { deriveLiveOperation } from './liveOperation';
import type { FrameStream } from './liveSockets';
import { createSocketSession, type SocketSession } from './socketSession';

export interface LiveSubscriptionsOptions {
  httpServer: Server;
  path?: string;
  pubsub: LivePubSub;
  /** Redis channel names; unset ones are LiveChannels' (tests use their own). */
  channels?: Partial<Record<LiveChannelName, string | undefined>>;
  /** The HTTP path's token check, reused as is. */
  verifyToken: TokenVerifier;
  execute: LiveExecutor;
  /** Called with the current API schema; register before the gateway loads its supergraph. */
  onSchema: (listener: (schema: GraphQLSchema) => void) => void;
  freeSignalDelayMs?: number;
  logger: Logger;
  keepAliveMs?: number;
  maxBufferedBytes?: number;
  /** Trusted documents (gateway/limits/trustedDocuments.ts): the document to run, or why not. */
  resolveDocument?: ((payload: LiveDocumentPayload) => string | GraphQLError) | undefined;
}

interface ConnectionExtra extends Record<PropertyKey, unknown> {
  session: SocketSession;
}

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
 * subscriptions: this validates them against the current supergraph, authenticates at connection_init
 * (and on re-authentication pings, see socketSession.ts), and delivers the live channels' events
 * through the fan-out hub.
 */
export function createLiveSubscriptions(options: LiveSubscriptionsOptions) {
  const { pubsub, logger } = options;
  const log = logger.child({ component: 'live-subscriptions' });
  let schema: GraphQLSchema | undefined;
  options.onSchema((next) => {
    schema = next;
  });
  const hub = createLiveFanoutHub({
    execute: options.execute,
    rules: signalTierRules(options.freeSignalDelayMs),
    maxBufferedBytes: options.maxBufferedBytes,
    logger,
  });
  let wss: WebSocketServer | undefined;
  let dispose: { dispose(): void | Promise<void> } | undefined;
  const channelSubscriptions: number[] = [];

  function listen(): void {
    // No compression: the hub writes whole frames to the TCP stream (liveSockets.ts, writeFrame).
    wss = new WebSocketServer({
      server: options.httpServer,
      path: options.path ?? '/graphql',
      perMessageDeflate: false,
    });
    dispose = useServer<Record<string, unknown>, ConnectionExtra>(
      {
        schema: () => {
          if (!schema) throw new Error('supergraph not loaded yet');
          return schema;
        },
        onConnect: async (ctx) => {
          const session = await createSocketSession(ctx.extra.socket, ctx.connectionParams, {
            verifyToken: options.verifyToken,
            logger: log,
          });
          if (!session) return false;
          ctx.extra.session = session;
          return true;
        },
        onPing: (ctx, payload) => ctx.extra.session?.reauthenticate(payload),
        onSubscribe: (_ctx, _id, payload) => {
          if (!options.resolveDocument) return;
          const resolved = options.resolveDocument(payload);
          if (resolved instanceof GraphQLError) return [resolved];
          // The text as sent: graphql-ws parses and validates it as usual.
          if (resolved === payload.query) return;
          // A registered document named by id replaces whatever text came with it.
          if (!schema) throw new Error('supergraph not loaded yet');
          const document = parse(resolved);
          const errors = validate(schema, document);
          if (errors.length > 0) return errors;
          return {
            schema,
            document,
            operationName: payload.operationName,
            variableValues: payload.variables,
          };
        },
        onClose: (ctx) => ctx.extra.session?.close(),
        // graphql-ws calls this only after onConnect accepted the socket, so the session exists.
        context: (ctx, id) => ({
          viewer: ctx.extra.session?.viewer,
          socket: ctx.extra.socket,
          stream: ctx.extra.request.socket,
          id,
        }),
        subscribe: (args) => {
          const context = args.contextValue as {
            viewer?: Viewer;
            socket: WebSocket;
            stream: FrameStream;
            id: string;
          };
          if (!context.viewer) return { errors: [new UnauthenticatedError()] };
          const { viewer } = context;
          const operation = deriveLiveOperation(
            args.document,
            args.operationName,
            args.variableValues,
            args.schema,
          );
          if (operation instanceof GraphQLError) return { errors: [operation] };
          const { tiers } = operation.spec;
          if (tiers && !tiers.includes(viewer.tier)) {
            return {
              errors: [new ForbiddenError(`${operation.field} needs one of the tiers ${tiers.join(', ')}`)],
            };
          }
          const unsubscribe = hub.subscribe(viewer, operation, {
            socket: context.socket,
            stream: context.stream,
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
      for (const name of liveChannelNames) {
        const channel = options.channels?.[name] ?? LiveChannels[name];
        channelSubscriptions.push(
          await pubsub.engine.subscribe(channel, (event: LiveEvent) => hub.onEvent(name, event), {}),
        );
      }
    },
    /** Closes every live socket (clients reconnect elsewhere and catch up by sequence). */
    async stop(): Promise<void> {
      for (const id of channelSubscriptions.splice(0)) pubsub.engine.unsubscribe(id);
      hub.stop();
      for (const client of wss?.clients ?? []) client.close(1001, 'Gateway shutting down');
      await dispose?.dispose();
      await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()));
      wss = undefined;
    },
  };
}

export type LiveSubscriptions = ReturnType<typeof createLiveSubscriptions>;
