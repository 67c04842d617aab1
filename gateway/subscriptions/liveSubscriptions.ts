import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { WebSocket } from 'ws';
import type { ClientInfo, Viewer } from '../../platform/auth/viewer';
import { ErrorCode, ForbiddenError, UnauthenticatedError } from '../../platform/errors';
import { clientInfoOf } from '../auth/clientInfo';
import type { LiveSocketLimits } from '../limits/limitsConfig';
import { LiveChannels } from '../../platform/events/topics';
import type { Logger } from '../../platform/logger';
import type { LivePubSub } from '../../platform/pubsub';
import { signalTierRules } from '../../platform/signalTiers';
import { type TokenVerifier } from './connectionAuth';
import { createLiveAdmission, type LiveAdmission } from './liveAdmission';
import { createLiveFanoutHub, type LiveExecutor } from './liveFanoutHub';
import { liveChannelNames, type LiveChannelName, type LiveEvent } from './liveFields';
import { deriveLiveOperation } from './liveOperation';
import type { FrameStream } from './liveSockets';
import {
  serveGraphqlWs,
  socketCounter,
  TOO_MANY_SOCKETS_CLOSE_CODE,
  type LiveSocketExtra,
} from './liveSocketServer';
import {
  createSocketSession,
  TOKEN_EXPIRED_CLOSE_CODE,
  type SocketSession,
  type SocketSessionOptions,
} from './socketSession';

export interface LiveSubscriptionsOptions {
  httpServer: Server;
  path?: string;
  pubsub: LivePubSub;
  /** Redis channel names; unset ones are LiveChannels' (tests use their own). */
  channels?: Partial<Record<LiveChannelName, string | undefined>>;
  /** The HTTP path's token check, reused as is. */
  verifyToken: TokenVerifier;
  /** The user's current tier (socketSession.ts): a socket whose tier changed is closed 4403. */
  currentTier?: SocketSessionOptions['currentTier'];
  tierCheckMs?: number | undefined;
  execute: LiveExecutor;
  /** Called with the current API schema; register before the gateway loads its supergraph. */
  onSchema: (listener: (schema: GraphQLSchema) => void) => void;
  freeSignalDelayMs?: number;
  logger: Logger;
  keepAliveMs?: number;
  maxBufferedBytes?: number;
  /** The HTTP rules for each subscribe message (liveAdmission.ts); unset: graphql's own validation. */
  admit?: LiveAdmission | undefined;
  /** Message size, subscriptions per socket, sockets per user and IP (unset: the config defaults). */
  socketLimits?: LiveSocketLimits | undefined;
  /** The client's address (behind trusted proxies, X-Forwarded-For): what per-IP limits count. */
  clientOf?: ((request: IncomingMessage) => ClientInfo) | undefined;
}

interface ConnectionExtra extends LiveSocketExtra, Record<PropertyKey, unknown> {
  session?: SocketSession;
}

/** The gateway config's defaults (gateway/limits/limitsConfig.ts), for servers built without one. */
const DEFAULT_SOCKET_LIMITS: LiveSocketLimits = {
  maxPayloadBytes: 64 * 1024,
  maxSubscriptionsPerSocket: 50,
  maxSocketsPerUser: 20,
  maxSocketsPerIp: 100,
};

/** The code a subscribe past the per-socket limit is answered with (the socket stays open). */
export const TOO_MANY_SUBSCRIPTIONS = 'TOO_MANY_SUBSCRIPTIONS';

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
  const limits = options.socketLimits ?? DEFAULT_SOCKET_LIMITS;
  const admit = options.admit ?? createLiveAdmission();
  const perUser = socketCounter();
  let server: ReturnType<typeof serveGraphqlWs<ConnectionExtra>> | undefined;
  const channelSubscriptions: number[] = [];

  /** Any failure becomes this subscription's error message: graphql-ws would close the socket 4500. */
  async function admitSafely(
    ctx: { extra: ConnectionExtra; subscriptions: object },
    id: string,
    payload: Parameters<LiveAdmission>[0]['payload'],
  ) {
    const { session, client } = ctx.extra;
    if (!session) return [new UnauthenticatedError()];
    // graphql-ws has already registered this id, so the count includes it.
    if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerSocket) {
      return [
        new GraphQLError(`At most ${limits.maxSubscriptionsPerSocket} subscriptions per socket`, {
          extensions: { code: TOO_MANY_SUBSCRIPTIONS, max: limits.maxSubscriptionsPerSocket },
        }),
      ];
    }
    if (!schema)
      return [new GraphQLError('The API is starting', { extensions: { code: 'SERVICE_UNAVAILABLE' } })];
    try {
      return await admit({ payload, schema, viewer: session.viewer, client });
    } catch (error) {
      log.error({ err: error instanceof Error ? error.message : String(error), id }, 'live subscribe failed');
      return [
        new GraphQLError('Internal server error', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }),
      ];
    }
  }

  function listen(): void {
    server = serveGraphqlWs<ConnectionExtra>(
      {
        onConnect: async (ctx) => {
          const { socket } = ctx.extra;
          const session = await createSocketSession(socket, ctx.connectionParams, {
            verifyToken: options.verifyToken,
            currentTier: options.currentTier,
            tierCheckMs: options.tierCheckMs,
            logger: log,
          });
          if (!session) {
            // A missing, invalid or expired token: 4401 tells the client to get a new one.
            socket.close(TOKEN_EXPIRED_CLOSE_CODE, 'Missing or invalid access token');
            return false;
          }
          // Gone while its token was checked: counting it now would never be undone.
          if (socket.readyState !== socket.OPEN) {
            session.close();
            return false;
          }
          const userKey = session.viewer.userId;
          if (!perUser.acquire(userKey, limits.maxSocketsPerUser)) {
            session.close();
            log.warn({ userId: userKey }, 'live socket refused: too many sockets for this user');
            socket.close(TOO_MANY_SOCKETS_CLOSE_CODE, 'Too many sockets for this user');
            return false;
          }
          socket.once('close', () => perUser.release(userKey));
          ctx.extra.session = session;
          return true;
        },
        onPing: (ctx, payload) => ctx.extra.session?.reauthenticate(payload),
        onSubscribe: (ctx, id, payload) => admitSafely(ctx, id, payload),
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
          // From here on this subscriber receives events: what a client (or a test) can wait on.
          log.info(
            { field: operation.field, userId: viewer.userId, subscriptionId: context.id },
            'live subscription started',
          );
          return heldOpen(unsubscribe);
        },
      },
      {
        httpServer: options.httpServer,
        path: options.path ?? '/graphql',
        keepAliveMs: options.keepAliveMs ?? 12_000,
        maxPayloadBytes: limits.maxPayloadBytes,
        maxSocketsPerIp: limits.maxSocketsPerIp,
        clientOf: options.clientOf ?? ((request) => clientInfoOf(request)),
        logger: log,
      },
      (base) => ({ ...base }),
    );
  }

  return {
    hub,
    /** Open graphql-ws sockets on this node (the per-IP limit counts them). */
    openSockets: () => server?.openSockets() ?? 0,
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
      await server?.close();
      server = undefined;
    },
  };
}

export type LiveSubscriptions = ReturnType<typeof createLiveSubscriptions>;
