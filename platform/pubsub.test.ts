import { randomUUID } from 'node:crypto';
import { redisUrl } from '../test/support/env';
import { createLivePubSub, type LivePubSub } from './pubsub';

describe('live pub/sub on the real Redis', () => {
  const opened: LivePubSub[] = [];
  afterAll(() => Promise.all(opened.map((pubsub) => pubsub.close())));

  it('delivers a message published by one node to every subscribed node, in order', async () => {
    const [publisher, nodeA, nodeB] = [1, 2, 3].map(() => createLivePubSub(redisUrl));
    opened.push(publisher!, nodeA!, nodeB!);
    expect(await nodeA!.ready()).toBe(true);
    const channel = `test.live.${randomUUID()}`;
    const received: Record<string, number[]> = { a: [], b: [] };
    const subscribed = Promise.all([
      nodeA!.engine.subscribe(channel, (message: { n: number }) => received.a!.push(message.n), {}),
      nodeB!.engine.subscribe(channel, (message: { n: number }) => received.b!.push(message.n), {}),
    ]);
    await subscribed;
    // A subscribing connection answers PING differently; it must still count as up.
    expect(await nodeA!.ready()).toBe(true);
    for (const n of [1, 2, 3]) await publisher!.engine.publish(channel, { n });
    const deadline = Date.now() + 5_000;
    while ((received.a!.length < 3 || received.b!.length < 3) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(received).toEqual({ a: [1, 2, 3], b: [1, 2, 3] });
  });

  it('reports not ready when Redis does not answer', async () => {
    const unreachable = createLivePubSub('redis://127.0.0.1:1');
    opened.push(unreachable);
    expect(await unreachable.ready()).toBe(false);
  });
});
