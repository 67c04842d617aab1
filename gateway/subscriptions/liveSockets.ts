import type { Logger } from '../../platform/logger';

/** What the hub needs of a WebSocket: `ws` sockets fit. */
export interface LiveSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  /** Buffers go out as text frames (`binary: false`): the payload is JSON. */
  send(data: Buffer, options: { binary: false }): void;
  close(code?: number, reason?: string): void;
}

export interface Subscriber {
  socket: LiveSocket;
  /** The graphql-ws subscription id: each frame names it. */
  id: string;
}

/** A subscriber with its frame prefix, `{"id":"<id>","type":"next","payload":`, encoded once. */
export interface Member extends Subscriber {
  prefix: Buffer;
}

const OPEN = 1;
const FRAME_END = Buffer.from('}');
const TEXT = { binary: false } as const;
/** A socket that cannot keep up is closed with "try again later". */
export const SLOW_CONSUMER_CLOSE_CODE = 1013;

export const memberOf = (subscriber: Subscriber): Member => ({
  ...subscriber,
  prefix: Buffer.from(`{"id":${JSON.stringify(subscriber.id)},"type":"next","payload":`),
});

/**
 * Writes one graphql-ws `next` frame: the payload is serialised and encoded once per group, each socket
 * gets only its id's prefix before it. A socket whose unsent bytes pass `maxBufferedBytes` is closed
 * instead: a slow reader must not hold memory or slow the others.
 */
export function writeFrame(member: Member, payload: Buffer, maxBufferedBytes: number, log: Logger): void {
  const { socket } = member;
  if (socket.readyState !== OPEN) return;
  if (socket.bufferedAmount > maxBufferedBytes) {
    log.warn({ bufferedAmount: socket.bufferedAmount }, 'slow live subscriber disconnected');
    socket.close(SLOW_CONSUMER_CLOSE_CODE, 'Send buffer limit exceeded');
    return;
  }
  socket.send(Buffer.concat([member.prefix, payload, FRAME_END]), TEXT);
}
