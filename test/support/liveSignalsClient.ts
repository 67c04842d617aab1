import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface LiveMessage<T> {
  data?: T;
  errors?: { message: string }[];
  receivedAt: number;
}

/** A real graphql-ws client over a real WebSocket, recording what arrives and how the socket closed. */
export function liveClient(httpUrl: string, token?: string) {
  const closes: { code: number; reason: string }[] = [];
  const client: Client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        closes.push({ code, reason });
      },
    },
  });

  function subscribe<T>(query: string, variables: Record<string, unknown> = {}) {
    const messages: LiveMessage<T>[] = [];
    const failures: unknown[] = [];
    const unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (value) =>
          void messages.push({ ...(value as Omit<LiveMessage<T>, 'receivedAt'>), receivedAt: Date.now() }),
        error: (error) => void failures.push(error),
        complete: () => {},
      },
    );
    return { messages, failures, unsubscribe };
  }

  return { client, closes, subscribe, dispose: () => client.dispose() };
}

export type LiveClient = ReturnType<typeof liveClient>;
