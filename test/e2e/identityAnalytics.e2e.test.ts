import { randomBytes } from 'node:crypto';
import { type Stack } from '../../gateway/stack';
import type { KycStatus, Role } from '../../platform/prisma/generated/enums';
import { DEMO_PASSWORD } from '../../prisma/seed/data';
import { createSeededTestDatabase, type TestDatabase } from '../support/database';

import { startTestStack } from '../support/testStack';
import { expectData, postGraphQL } from '../support/graphqlClient';

// userAnalytics (issue 9) through the gateway, checked against figures worked out here from the fixture.
const FROM = '2025-02-01T00:00:00.000Z';
const TO = '2025-02-08T00:00:00.000Z';
const QUERY = `query($from: DateTime!, $to: DateTime!) { userAnalytics(from: $from, to: $to) {
  totalUsers signupsByDay { day count } kycFunnel { status count } roleMix { role count } } }`;

/** Sign-up time, roles and KYC status of each fixture user. */
const fixture: [string, Role[], KycStatus][] = [
  ['2025-01-15T10:00:00Z', ['LEARNER'], 'VERIFIED'], // before the range: counted in totalUsers only
  ['2025-02-01T00:00:00Z', ['LEARNER'], 'NONE'],
  ['2025-02-01T23:59:59Z', ['LEARNER', 'TRADER'], 'PENDING'],
  ['2025-02-03T12:00:00Z', ['LEARNER', 'TRADER'], 'VERIFIED'],
  ['2025-02-03T13:00:00Z', ['INSTRUCTOR'], 'REJECTED'],
  ['2025-02-07T23:59:59Z', ['LEARNER'], 'EXPIRED'],
  [TO, ['ADMIN'], 'VERIFIED'], // the range is half-open: not in it
];

function expected() {
  const from = Date.parse(FROM);
  const to = Date.parse(TO);
  const cohort = fixture.filter(([at]) => Date.parse(at) >= from && Date.parse(at) < to);
  const tally = (keys: string[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const days = tally(cohort.map(([at]) => at.slice(0, 10)));
  const kyc = tally(cohort.map(([, , status]) => (status === 'NONE' ? 'NOT_SUBMITTED' : status)));
  const roles = tally(cohort.flatMap(([, roles]) => roles));
  return {
    // Demo users are created now, long after the range: only the fixture counts.
    totalUsers: fixture.filter(([at]) => Date.parse(at) < to).length,
    signupsByDay: [...days].sort().map(([day, count]) => ({ day, count })),
    kycFunnel: ['NOT_SUBMITTED', 'PENDING', 'VERIFIED', 'REJECTED', 'EXPIRED'].map((status) => ({
      status,
      count: kyc.get(status) ?? 0,
    })),
    roleMix: [...roles]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([role, count]) => ({ role, count })),
  };
}

describe('userAnalytics end to end', () => {
  let db: TestDatabase;
  let stack: Stack;
  let url: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    await db.prisma.user.createMany({
      data: fixture.map(([at, roles, kycStatus], i) => {
        const email = `fixture-${i}-${randomBytes(3).toString('hex')}@example.test`;
        return {
          email,
          emailNormalized: email,
          passwordHash: 'x',
          roles,
          kycStatus,
          createdAt: new Date(at),
        };
      }),
    });
    stack = await startTestStack(db, 'identity-analytics-e2e', {
      identity: {
        settings: { LOCKOUT_IP_THRESHOLD: 1_000 },
        lockoutNamespace: `identity-analytics-e2e-${randomBytes(4).toString('hex')}:`,
      },
    });
    url = stack.gatewayUrl;
    for (const who of ['admin', 'analyst', 'support', 'free']) {
      const { login } = await expectData<{ login: { accessToken: string } }>(
        url,
        'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
        { i: { email: `${who}@demo.test`, password: DEMO_PASSWORD } },
      );
      tokens[who] = login.accessToken;
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await stack?.infra.bus.stop();
    await db?.drop();
  });

  const bearer = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

  it('counts sign-ups per day, the KYC funnel and the role mix of the range, and all users by its end', async () => {
    const data = await expectData<{ userAnalytics: unknown }>(
      url,
      QUERY,
      { from: FROM, to: TO },
      bearer('admin'),
    );
    const want = expected();
    expect(data.userAnalytics).toEqual(want);
    // The same figures spelled out, so a mistake in expected() cannot hide one in the SQL.
    expect(want.signupsByDay).toEqual([
      { day: '2025-02-01', count: 2 },
      { day: '2025-02-03', count: 2 },
      { day: '2025-02-07', count: 1 },
    ]);
    expect(want.totalUsers).toBe(6);
  });

  it('refuses everyone but ADMIN, and a range that runs backwards', async () => {
    for (const who of ['analyst', 'support', 'free']) {
      const result = await postGraphQL(url, QUERY, { from: FROM, to: TO }, bearer(who));
      expect([who, result.errors?.[0]?.extensions?.code]).toEqual([who, 'FORBIDDEN']);
    }
    const anonymous = await postGraphQL(url, QUERY, { from: FROM, to: TO });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const backwards = await postGraphQL(url, QUERY, { from: TO, to: FROM }, bearer('admin'));
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
