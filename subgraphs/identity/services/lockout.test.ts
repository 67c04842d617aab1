import { randomBytes } from 'node:crypto';
import { createRedisKeyValueStore } from '../../../platform/keyValueStore';
import { redisUrl } from '../../../test/support/env';
import { createLockout } from './lockout';

// Against the real Redis, in a namespace of its own.
describe('failed-attempt lockout', () => {
  const store = createRedisKeyValueStore(redisUrl);
  afterAll(() => store.close());
  const lockout = (namespace = `lockout-test-${randomBytes(4).toString('hex')}:`) =>
    createLockout(
      store,
      {
        LOCKOUT_ACCOUNT_THRESHOLD: 3,
        LOCKOUT_IP_THRESHOLD: 5,
        LOCKOUT_WINDOW_SECONDS: 60,
        LOCKOUT_BASE_SECONDS: 1,
        LOCKOUT_MAX_SECONDS: 3,
      },
      namespace,
    );

  it('locks an account at the threshold and doubles each further lockout up to the maximum', async () => {
    const counters = lockout();
    const lengths: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let attempt = 1; attempt <= 3; attempt++) {
        const outcome = await counters.recordFailure('someone@example.test', null);
        if (attempt < 3) expect(outcome.locked).toBeNull();
        else lengths.push(outcome.locked!.seconds);
      }
      await expect(counters.assertNotLocked('someone@example.test', null)).rejects.toMatchObject({
        extensions: { code: 'RATE_LIMITED' },
      });
    }
    expect(lengths).toEqual([1, 2, 3]);
  });

  it('locks an IP that fails across many accounts, and a success resets only the account count', async () => {
    const counters = lockout();
    for (let i = 0; i < 4; i++) await counters.recordFailure(`user${i}@example.test`, '10.0.0.9');
    const outcome = await counters.recordFailure('user5@example.test', '10.0.0.9');
    expect(outcome.locked).toEqual({ scope: 'ip', seconds: 1 });
    await expect(counters.assertNotLocked('fresh@example.test', '10.0.0.9')).rejects.toMatchObject({
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 },
    });
    await counters.assertNotLocked('fresh@example.test', '10.0.0.10');

    await counters.recordFailure('reset@example.test', null);
    await counters.recordFailure('reset@example.test', null);
    await counters.recordSuccess('reset@example.test');
    expect((await counters.recordFailure('reset@example.test', null)).locked).toBeNull();
  });
});
