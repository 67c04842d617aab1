import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { eventually, redisUrl, testLogger } from '../../test/support/env';
import { createMemoryRateLimiter } from './memoryRateLimiter';
import type { RateBucket, RateLimiter } from './rateLimiter';
import { createRedisRateLimiter } from './redisRateLimiter';
import { createResilientRateLimiter } from './resilientRateLimiter';

const bucket = (key: string, limit: number, cost = 1, windowMs = 60_000): RateBucket => ({
  key,
  limit,
  windowMs,
  cost,
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// The same behaviour is expected of the shared (Redis Lua) and the per-process limiter.
describe.each([
  ['redis', () => createRedisRateLimiter(redisUrl, { prefix: `test:rl:${randomUUID()}:` })],
  ['memory', () => createMemoryRateLimiter()],
] as const)('sliding-window limiter (%s)', (_name, create) => {
  let limiter: RateLimiter & { close?: () => Promise<void> };
  beforeAll(() => {
    limiter = create();
  });
  afterAll(async () => {
    await limiter.close?.();
  });

  it('charges cost units and refuses what would go past the limit, with a retry time', async () => {
    const key = randomUUID();
    expect(await limiter.consume([bucket(key, 5, 3)])).toMatchObject({
      allowed: true,
      buckets: [{ remaining: 2 }],
    });
    const refused = await limiter.consume([bucket(key, 5, 3)]);
    expect(refused.allowed).toBe(false);
    expect(refused.buckets[0]).toMatchObject({ limit: 5, remaining: 2 });
    expect(refused.buckets[0]!.retryAfterMs).toBeGreaterThan(59_000);
    expect(await limiter.consume([bucket(key, 5, 2)])).toMatchObject({
      allowed: true,
      buckets: [{ remaining: 0 }],
    });
  });

  it('charges all buckets or none', async () => {
    const roomy = randomUUID();
    const tight = randomUUID();
    await limiter.consume([bucket(tight, 1)]);
    expect((await limiter.consume([bucket(roomy, 10), bucket(tight, 1)])).allowed).toBe(false);
    expect(await limiter.consume([bucket(roomy, 10)])).toMatchObject({ buckets: [{ remaining: 9 }] });
  });

  it('frees units as they leave the window', async () => {
    const key = randomUUID();
    await limiter.consume([bucket(key, 2, 2, 300)]);
    expect((await limiter.consume([bucket(key, 2, 1, 300)])).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await limiter.consume([bucket(key, 2, 1, 300)])).toMatchObject({
      allowed: true,
      buckets: [{ remaining: 1 }],
    });
  });
});

describe('rate limiter when Redis stops answering', () => {
  it('keeps limiting in this process, reports degraded, and returns to Redis', async () => {
    const port = await freePort();
    const start = () =>
      execFileSync('redis-server', [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'yes',
      ]);
    start();
    const limiter = createResilientRateLimiter(`redis://127.0.0.1:${port}`, testLogger);
    try {
      const key = randomUUID();
      expect(await limiter.consume([bucket(key, 3)])).toMatchObject({
        allowed: true,
        buckets: [{ remaining: 2 }],
      });
      expect(await limiter.health()).toBe('up');
      execFileSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave']);
      // The per-process window starts empty: a node alone allows the limit again, never more.
      const outcomes = [];
      for (let i = 0; i < 4; i++) outcomes.push((await limiter.consume([bucket(key, 3)])).allowed);
      expect(outcomes).toEqual([true, true, true, false]);
      expect(await limiter.health()).toBe('degraded');

      start();
      await eventually(
        async () => ((await limiter.health()) === 'up' ? true : undefined),
        10_000,
        'Redis back',
      );
      // The restarted Redis kept nothing (--save ''): shared counting starts over there.
      expect(await limiter.consume([bucket(key, 3)])).toMatchObject({
        allowed: true,
        buckets: [{ remaining: 2 }],
      });
    } finally {
      await limiter.close();
      spawnSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave'], { stdio: 'ignore' });
    }
  });
});
