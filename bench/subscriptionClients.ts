// The benchmark's WebSocket clients, in a process of their own so that reading 10,000 sockets does not
// take CPU from the gateway it measures. Driven by bench/subscriptions.ts over IPC: `open` N raw
// graphql-transport-ws sockets (lighter than N graphql-ws clients), `await` the receive times of a signal
// on every socket.
import WebSocket from 'ws';

type Command =
  | { type: 'open'; url: string; token: string; query: string; count: number }
  | { type: 'await'; id: string; count: number; timeoutMs: number }
  | { type: 'close' };

const sockets: WebSocket[] = [];
/** Signal id → receive times (ms since the epoch). */
let received = new Map<string, number[]>();
const PAYLOAD = Buffer.from('"payload"');
const ID_MARKER = Buffer.from('"id":"');
const QUOTE = 0x22;

/** Reads the signal id from the frame's bytes (no JSON.parse: this process must keep up with 10,000 sockets). */
function record(data: WebSocket.RawData): void {
  const at = Date.now();
  const frame = data as Buffer;
  // {"id":<sub>,"type":"next","payload":{"data":{"<field>":{"id":"<signal>",...: the id after "payload".
  const start = frame.indexOf(ID_MARKER, frame.indexOf(PAYLOAD));
  if (start < 0) return;
  const from = start + ID_MARKER.length;
  const id = frame.toString('latin1', from, frame.indexOf(QUOTE, from));
  const times = received.get(id);
  if (times) times.push(at);
  else received.set(id, [at]);
  if (waiting?.id === id && received.get(id)!.length >= waiting.count) waiting.done();
}

/** The signal the driver awaits: it is told once, not polled, so that reporting costs nothing mid-event. */
let waiting: { id: string; count: number; done: () => void } | undefined;

function open(url: string, token: string, query: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    socket.once('error', reject);
    socket.once('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    socket.on('message', (data) => {
      if (String(data).startsWith('{"type":"connection_ack"')) {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
        socket.removeAllListeners('message');
        socket.on('message', record);
        resolve(socket);
      }
    });
  });
}

process.on('message', (command: Command) => {
  void (async () => {
    if (command.type === 'open') {
      // A few hundred handshakes at a time: the gateway verifies each token.
      for (let i = 0; i < command.count; i += 200) {
        const batch = Math.min(200, command.count - i);
        sockets.push(
          ...(await Promise.all(
            Array.from({ length: batch }, () => open(command.url, command.token, command.query)),
          )),
        );
      }
      process.send!({ type: 'opened', count: sockets.length });
    } else if (command.type === 'await') {
      const { id, count } = command;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, command.timeoutMs);
        waiting = { id, count, done: () => (clearTimeout(timer), resolve()) };
        if ((received.get(id)?.length ?? 0) >= count) waiting.done();
      });
      waiting = undefined;
      process.send!({ type: 'awaited', times: received.get(id) ?? [] });
      received = new Map();
    } else {
      for (const socket of sockets.splice(0)) socket.terminate();
      process.send!({ type: 'closed' });
    }
  })();
});
