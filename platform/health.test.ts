import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHealthHandler, type ReadinessCheck } from './health';

// /readyz as a load balancer reads it: the status code decides, the body says why.
async function serve(checks: Record<string, ReadinessCheck>, soft: string[] = []) {
  const health = createHealthHandler(checks, { soft, timeoutMs: 200 });
  const server: Server = createServer((req, res) => void health.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`;
  const read = async () => {
    const response = await fetch(url);
    return { http: response.status, body: (await response.json()) as unknown };
  };
  return { health, read, close: () => new Promise((resolve) => server.close(resolve)) };
}

const up: ReadinessCheck = async () => true;
const down: ReadinessCheck = async () => false;
const hangs: ReadinessCheck = () => new Promise(() => {});

describe('/readyz', () => {
  it('is 200 ready when every check answers', async () => {
    const s = await serve({ postgres: up, kafka: up });
    expect(await s.read()).toEqual({
      http: 200,
      body: { status: 'ready', checks: { postgres: 'up', kafka: 'up' } },
    });
    await s.close();
  });

  it('is 503 when a check fails or does not answer in time', async () => {
    const s = await serve({ postgres: up, kafka: hangs, redis: down });
    expect(await s.read()).toEqual({
      http: 503,
      body: { status: 'unavailable', checks: { postgres: 'up', kafka: 'down', redis: 'down' } },
    });
    await s.close();
  });

  it('stays 200 but says degraded when only a soft check is down (a gateway with one subgraph down)', async () => {
    const s = await serve({ identity: down, learning: up, redis: up }, ['identity', 'learning']);
    expect(await s.read()).toEqual({
      http: 200,
      body: { status: 'degraded', checks: { identity: 'down', learning: 'up', redis: 'up' } },
    });
    await s.close();
  });

  it('is 503 draining after markDraining, whatever the checks say', async () => {
    const s = await serve({ postgres: up });
    s.health.markDraining();
    expect(await s.read()).toEqual({ http: 503, body: { status: 'draining', checks: { postgres: 'up' } } });
    await s.close();
  });
});
