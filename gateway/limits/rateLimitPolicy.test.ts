import { parse, type OperationDefinitionNode } from 'graphql';
import { bucketsForOperation, type RateLimitPolicy } from './rateLimitPolicy';

const policy: RateLimitPolicy = {
  tiers: { FREE: 100, PREMIUM: 1_000, ENTERPRISE: 10_000 },
  tierWindowMs: 60_000,
  auth: { limit: 10, windowMs: 900_000 },
  payments: { limit: 20, windowMs: 3_600_000 },
  heartbeats: { limit: 720, windowMs: 3_600_000 },
  costUnit: 100,
};

function buckets(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return bucketsForOperation(policy, {
    document,
    operation,
    variables,
    viewer: null,
    client: { ip: '203.0.113.7', userAgent: null },
    cost: 1,
  });
}

const accountKeys = (list: ReturnType<typeof buckets>) =>
  list.filter((bucket) => bucket.key.startsWith('auth:account:'));

describe('auth rate limits of the password-reset mutations', () => {
  it('counts a reset request against the same account allowance as logging in with that email', () => {
    const reset = buckets('mutation($e: String!) { requestPasswordReset(email: $e) }', {
      e: ' Free@Demo.test',
    });
    const login = buckets('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
      i: { email: 'free@demo.test', password: 'x' },
    });
    expect(accountKeys(reset)).toHaveLength(1);
    expect(accountKeys(reset)[0]!.key).toBe(accountKeys(login)[0]!.key);
    expect(reset.find((bucket) => bucket.key === 'auth:ip:203.0.113.7')?.cost).toBe(1);
  });

  it('charges every aliased reset attempt, per token and per IP, and never keys Redis by the token itself', () => {
    const list = buckets(`mutation {
      a: resetPassword(token: "tok-1", newPassword: "Correct-Horse-42")
      b: resetPassword(token: "tok-1", newPassword: "Correct-Horse-43")
      c: resetPassword(token: "tok-2", newPassword: "Correct-Horse-44")
    }`);
    expect(list.find((bucket) => bucket.key === 'auth:ip:203.0.113.7')?.cost).toBe(3);
    const accounts = accountKeys(list);
    expect(accounts.map((bucket) => bucket.cost).sort()).toEqual([1, 2]);
    expect(accounts.every((bucket) => bucket.key.startsWith('auth:account:reset:'))).toBe(true);
    expect(list.some((bucket) => bucket.key.includes('tok-'))).toBe(false);
  });
});

describe('refreshing a session', () => {
  const refresh = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }';

  it('is not charged to the tier allowance, so reuse detection in identity always runs', () => {
    expect(buckets(refresh, { t: 'stolen' })).toEqual([]);
  });

  it('still charges the tier allowance when the request does anything else', () => {
    const list = buckets(
      `mutation($t: String!) {
      refreshSession(refreshToken: $t) { accessToken }
      requestPasswordReset(email: "a@b.test")
    }`,
      { t: 'x' },
    );
    expect(list.map((bucket) => bucket.key)).toContain('tier:ip:203.0.113.7');
  });
});

describe('lesson heartbeats', () => {
  const heartbeat =
    'mutation($l: ID!) { recordLessonHeartbeat(lessonId: $l, positionSeconds: 30) { lessonId } }';

  it('are charged to their own allowance, not the tier allowance', () => {
    const list = buckets(heartbeat, { l: 'lesson-1' });
    expect(list).toEqual([{ key: 'heartbeats:ip:203.0.113.7', limit: 720, windowMs: 3_600_000, cost: 1 }]);
  });

  it('count every aliased heartbeat, and charge the tier allowance when the request does more', () => {
    const list = buckets(`mutation {
      a: recordLessonHeartbeat(lessonId: "l1", positionSeconds: 10) { lessonId }
      b: recordLessonHeartbeat(lessonId: "l1", positionSeconds: 20) { lessonId }
      requestPasswordReset(email: "a@b.test")
    }`);
    expect(list.find((bucket) => bucket.key.startsWith('heartbeats:'))?.cost).toBe(2);
    expect(list.map((bucket) => bucket.key)).toContain('tier:ip:203.0.113.7');
  });
});
