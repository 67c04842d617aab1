import type { Logger } from '../../platform/logger';

/** What the hub needs of a WebSocket: `ws` sockets fit. */
export interface LiveSocket {
  readonly readyState: number;
  /** Unsent bytes, the TCP stream's included (so frames written straight to it count). */
  readonly bufferedAmount: number;
  close(code?: number, reason?: string): void;
}

/** The connection under a WebSocket: the upgraded request's TCP (or TLS) socket. */
export interface FrameStream {
  write(frame: Buffer): unknown;
}

export interface Subscriber {
  socket: LiveSocket;
  /** Frames go straight to it: see writeFrame. */
  stream: FrameStream;
  /** The graphql-ws subscription id: each frame names it. */
  id: string;
}

/** A subscriber with its frame prefix, `{"id":"<id>","type":"next","payload":`, encoded once. */
export interface Member extends Subscriber {
  prefix: Buffer;
}

const OPEN = 1;
const FRAME_END = Buffer.from('}');
/** A socket that cannot keep up is closed with "try again later". */
export const SLOW_CONSUMER_CLOSE_CODE = 1013;

export const memberOf = (subscriber: Subscriber): Member => ({
  ...subscriber,
  prefix: Buffer.from(`{"id":${JSON.stringify(subscriber.id)},"type":"next","payload":`),
});

/**
 * A whole server-to-client WebSocket text frame (RFC 6455 §5.2): FIN and opcode 1, no mask, the
 * payload length in 7, 7+16 or 7+64 bits, then the bytes of `parts`.
 */
export function textFrame(parts: Buffer[]): Buffer {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81;
  if (length < 126) frame[1] = length;
  else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  let offset = headerLength;
  for (const part of parts) offset += part.copy(frame, offset);
  return frame;
}

/**
 * The frames of one event for a group, built on first use: one per distinct subscription id, so
 * clients that number their subscriptions alike share one buffer.
 */
export function framesOf(payload: Buffer): (member: Member) => Buffer {
  const byId = new Map<string, Buffer>();
  return (member) => {
    let frame = byId.get(member.id);
    if (!frame) {
      frame = textFrame([member.prefix, payload, FRAME_END]);
      byId.set(member.id, frame);
    }
    return frame;
  };
}

/**
 * Writes one graphql-ws `next` frame. The payload is serialised once per group and the whole frame
 * goes to the TCP stream in one write, bypassing `ws`'s sender: its `send` costs a second buffer, a
 * cork and a two-buffer writev per socket, a third of the time at 10,000 sockets. That is safe because
 * the server never compresses (`perMessageDeflate` is off) and graphql-ws sends only strings, so `ws`
 * writes every frame of its own synchronously too and frames never interleave; a socket no longer
 * OPEN (its close frame may be out) gets nothing. A socket whose unsent bytes pass `maxBufferedBytes`
 * is closed instead: a slow reader must not hold memory or slow the others.
 */
export function writeFrame(member: Member, frame: Buffer, maxBufferedBytes: number, log: Logger): void {
  const { socket } = member;
  if (socket.readyState !== OPEN) return;
  if (socket.bufferedAmount > maxBufferedBytes) {
    log.warn({ bufferedAmount: socket.bufferedAmount }, 'slow live subscriber disconnected');
    socket.close(SLOW_CONSUMER_CLOSE_CODE, 'Send buffer limit exceeded');
    return;
  }
  member.stream.write(frame);
}
