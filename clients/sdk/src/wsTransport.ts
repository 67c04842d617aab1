import { createClient, type Client } from 'graphql-ws';
import { GraphQLRequestError, type GraphQLErrorEntry } from './errors';
import type { PreparedDocument } from './documents';

/** The gateway closes a socket with this code when its access token is missing, invalid or lapses. */
const TOKEN_EXPIRED = 4401;
/** …and with this one when the tier changed: a fresh token carries the new tier (gateway/subscriptions). */
const CONNECTION_REFUSED = 4403;

export interface WsTransportOptions {
  url: string;
  /** The WebSocket class: the global one in browsers and React Native, `ws` in Node. */
  webSocketImpl?: unknown;
  /** A current access token for connection_init (refreshed by the session manager). */
  accessToken: () => Promise<string | undefined>;
  /** Called when the gateway refused the token the socket was opened with. */
  tokenRefused: (token: string) => Promise<string | undefined>;
}

/** The subscription socket: opened on the first subscription, reopened after a drop. */
export type LiveStatus = 'idle' | 'connecting' | 'connected' | 'closed';

export interface SubscriptionSink<T> {
  next(data: T): void;
  error?(error: unknown): void;
  complete?(): void;
}

const closeCode = (value: unknown): number | undefined =>
  value && typeof value === 'object' && 'code' in value && typeof value.code === 'number'
    ? value.code
    : undefined;

/**
 * graphql-ws over one lazily opened socket, authenticated at connection_init. graphql-ws treats an
 * auth close as fatal, so on an expired or refused token this refreshes it and subscribes again.
 */
export function createWsTransport(options: WsTransportOptions) {
  let token: string | undefined;
  let status: LiveStatus = 'idle';
  const listeners = new Set<(status: LiveStatus) => void>();
  const setStatus = (next: LiveStatus) => {
    status = next;
    for (const listener of listeners) listener(next);
  };
  const client: Client = createClient({
    url: options.url,
    webSocketImpl: options.webSocketImpl,
    lazy: true,
    retryAttempts: 5,
    connectionParams: async () => {
      token = await options.accessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      connecting: () => setStatus('connecting'),
      connected: () => setStatus('connected'),
      closed: () => setStatus('closed'),
    },
  });

  function subscribe<T>(
    document: PreparedDocument,
    variables: unknown,
    sink: SubscriptionSink<T>,
  ): () => void {
    let stop: (() => void) | undefined;
    let stopped = false;
    let reauthenticated = false;
    const start = () => {
      stop = client.subscribe<T>(
        {
          query: document.query,
          variables: variables as Record<string, unknown>,
          operationName: document.operationName,
          // The gateway runs the registered document with this id (trusted documents), as over HTTP.
          ...(document.documentId ? { extensions: { documentId: document.documentId } } : {}),
        },
        {
          next: (result) => {
            if (result.errors?.length) {
              sink.error?.(
                new GraphQLRequestError(
                  result.errors as GraphQLErrorEntry[],
                  document.operationName,
                  undefined,
                  result.data,
                ),
              );
            } else if (result.data) {
              reauthenticated = false;
              sink.next(result.data);
            }
          },
          error: (error) => {
            const code = closeCode(error);
            const used = token;
            if (
              !stopped &&
              used &&
              !reauthenticated &&
              (code === TOKEN_EXPIRED || code === CONNECTION_REFUSED)
            ) {
              reauthenticated = true;
              options.tokenRefused(used).then(
                (fresh) => (fresh ? start() : sink.error?.(error)),
                (refreshError: unknown) => sink.error?.(refreshError),
              );
              return;
            }
            sink.error?.(error);
          },
          complete: () => sink.complete?.(),
        },
      );
    };
    start();
    return () => {
      stopped = true;
      stop?.();
    };
  }

  return {
    subscribe,
    status: () => status,
    /**
     * Follows the socket: after `closed` → `connected` events may have been missed (pub/sub is
     * at-most-once); recover them with the `signals(after: <last sequence seen>)` query.
     */
    onStatus(listener: (status: LiveStatus) => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    dispose: () => client.dispose(),
  };
}

export type WsTransport = ReturnType<typeof createWsTransport>;
