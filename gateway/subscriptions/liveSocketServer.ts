import type { IncomingMessage, Server } from 'node:http';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientInfo } from '../../platform/auth/viewer';
import type { Logger } from '../../platform/logger';

/** Close code of a socket past a per-user or per-IP socket limit: "too many", retry later. */
export const TOO_MANY_SOCKETS_CLOSE_CODE = 4429;

/** What each graphql-ws context's `extra` holds here (graphql-ws/use/ws's, plus the client). */
export interface LiveSocketExtra {
  socket: WebSocket;
  request: IncomingMessage;
  client: ClientInfo;
}

export interface LiveSocketServerOptions {
  httpServer: Server;
  path: string;
  keepAliveMs: number;
  maxPayloadBytes: number;
  maxSocketsPerIp: number;
  clientOf: (request: IncomingMessage) => ClientInfo;
  logger: Logger;
}

/** Open sockets per key, for the per-IP and per-user limits. */
export function socketCounter() {
  const counts = new Map<string, number>();
  return {
    /** Sockets counted under every key. */
    total: () => [...counts.values()].reduce((sum, count) => sum + count, 0),
    /** Counts one more socket under `key`; false (and not counted) when that would pass `max`. */
    acquire(key: string, max: number): boolean {
      const count = counts.get(key) ?? 0;
      if (count >= max) return false;
      counts.set(key, count + 1);
      return true;
    },
    release(key: string): void {
      const count = (counts.get(key) ?? 1) - 1;
      if (count > 0) counts.set(key, count);
      else counts.delete(key);
    },
  };
}

/**
 * graphql-ws on a `ws` server: what graphql-ws/use/ws does (keep-alive pings, message and close
 * handling), except that errors go to our logger instead of console.error with a stack trace, a
 * message over `maxPayloadBytes` is refused by `ws` itself (close 1009), and an IP past its socket
 * limit is closed 4429 before graphql-ws sees the socket.
 */
export function serveGraphqlWs<Extra extends LiveSocketExtra>(
  graphqlWs: ServerOptions<Record<string, unknown> | undefined, Extra>,
  options: LiveSocketServerOptions,
  extraOf: (base: LiveSocketExtra) => Extra,
) {
  const log = options.logger;
  const server = makeServer(graphqlWs);
  const perIp = socketCounter();
  // No compression: the hub writes whole frames to the TCP stream (liveSockets.ts, writeFrame).
  const wss = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    perMessageDeflate: false,
    maxPayload: options.maxPayloadBytes,
    handleProtocols,
  });
  wss.on('error', (error) => log.error({ err: error.message }, 'live socket server error'));

  wss.on('connection', (socket, request) => {
    // An error event is followed by `ws` closing the socket (1009 for a message over maxPayload).
    socket.on('error', (error) =>
      log.warn({ err: error.message, code: (error as { code?: string }).code }, 'live socket error'),
    );
    const client = options.clientOf(request);
    const ipKey = client.ip ?? 'unknown';
    if (!perIp.acquire(ipKey, options.maxSocketsPerIp)) {
      log.warn({ ip: client.ip }, 'live socket refused: too many sockets from this address');
      socket.close(TOO_MANY_SOCKETS_CLOSE_CODE, 'Too many sockets from this address');
      return;
    }
    let pongWait: NodeJS.Timeout | undefined;
    const pings = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), options.keepAliveMs);
      socket.once('pong', () => clearTimeout(pongWait));
      socket.ping();
    }, options.keepAliveMs);

    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', async (data) => {
            try {
              await handle(String(data));
            } catch (error) {
              log.error(
                { err: error instanceof Error ? error.message : String(error) },
                'live message failed',
              );
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      extraOf({ socket, request, client }),
    );
    socket.once('close', (code, reason) => {
      clearTimeout(pongWait);
      clearInterval(pings);
      perIp.release(ipKey);
      void closed(code, String(reason));
    });
  });

  return {
    wss,
    /** Sockets accepted and not yet closed (refused ones not counted). */
    openSockets: () => perIp.total(),
    async close(): Promise<void> {
      for (const client of wss.clients) client.close(1001, 'Gateway shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      wss.removeAllListeners();
    },
  };
}
