import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema } from 'graphql';
import { UnsecuredJWT } from 'jose';
import WebSocket from 'ws';
import { createLivePubSub } from '../../platform/pubsub';
import { eventually, testLogger } from '../../test/support/env';
import { createLiveSubscriptions, type LiveSubscriptions } from './liveSubscriptions';
import { SLOW_CONSUMER_CLOSE_CODE } from './liveSockets';

// The graphql-ws server on real sockets, with the supergraph replaced by a fixed schema and executor
// (end-to-end suites cover the supergraph): send-buffer bound and keep-alive.
const schema = buildSchema(`
  type Signal { id: ID! blob: String! }
  type Query { signal(id: ID!): Signal }
  type Subscription { signalPublished(symbols: [String!]): Signal! }`);
const BLOB = 'x'.repeat(100_000);
const token = new UnsecuredJWT({}).setSubject('u').setExpirationTime('1h').encode();

describe('live subscriptions on real sockets', () => {
  let server: Server;
  let live: LiveSubscriptions;
  let url: string;
  const pubsub = createLivePubSub(undefined);
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    server = createServer();
    live = createLiveSubscriptions({
      httpServer: server,
      pubsub,
      channels: { signals: 'test.signals' },
      verifyToken: async () => ({ userId: 'u', sessionId: 's', roles: [], tier: 'PREMIUM' }),
      execute: async (_query, variables) => ({
        data: { signalPublished: { id: variables._liveId, blob: BLOB } },
      }),
      onSchema: (listener) => listener(schema),
      freeSignalDelayMs: 0,
      logger: testLogger,
      // Long enough that the paused client of the send-buffer test overflows before it misses a pong,
      // even on a loaded machine; the keep-alive test waits for it.
      keepAliveMs: 3_000,
      maxBufferedBytes: 256 * 1024,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    await live.start();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await live.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  /** A raw graphql-transport-ws client subscribed to signalPublished. */
  async function subscriber(options: WebSocket.ClientOptions = {}) {
    const socket = new WebSocket(url, 'graphql-transport-ws', options);
    sockets.push(socket);
    const frames: string[] = [];
    let closed: number | undefined;
    socket.on('close', (code) => (closed = code));
    socket.on('message', (data) => void frames.push(String(data)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { accessToken: token } }));
    await eventually(async () => (frames[0]?.includes('connection_ack') ? true : undefined), 5_000);
    socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: 'subscription { signalPublished { id blob } }' },
      }),
    );
    return { socket, frames, closed: () => closed };
  }

  const publish = (i: number) =>
    pubsub.engine.publish('test.signals', {
      signalId: `s-${i}`,
      sequence: String(i),
      instrumentId: 'i',
      symbol: 'BTC-USDT',
      publishedAt: new Date().toISOString(),
      dayIndex: 1,
    });

  it('disconnects a subscriber that stops reading, while the others get every event', async () => {
    const before = live.hub.stats().subscribers;
    const fast = await subscriber();
    const slow = await subscriber();
    await eventually(async () => (live.hub.stats().subscribers === before + 2 ? true : undefined), 5_000);
    // The slow client stops reading: the kernel's buffers fill, then the server's send buffer.
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const events = 300;
    for (let i = 0; i < events; i++) {
      await publish(i);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const next = (frames: string[]) => frames.filter((f) => f.includes('"type":"next"')).length;
    await eventually(async () => (next(fast.frames) === events ? true : undefined), 20_000, 'every event');
    (slow.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    await eventually(async () => slow.closed(), 20_000, 'the slow socket closed');
    expect(slow.closed()).toBe(SLOW_CONSUMER_CLOSE_CODE);
    expect(next(slow.frames)).toBeLessThan(events);
    expect(fast.closed()).toBeUndefined();
  });

  it('terminates a socket that stops answering keep-alive pings', async () => {
    const silent = await subscriber({ autoPong: false });
    const answering = await subscriber();
    await eventually(async () => silent.closed(), 20_000, 'termination');
    expect(silent.closed()).toBe(1006);
    expect(answering.closed()).toBeUndefined();
  });
});
