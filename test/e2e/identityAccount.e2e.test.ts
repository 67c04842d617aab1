import { randomBytes } from 'node:crypto';
import { type Stack } from '../../gateway/stack';
import { DEMO_PASSWORD, demoUserIds } from '../../prisma/seed/data';
import { createSeededTestDatabase, type TestDatabase } from '../support/database';
import { eventually } from '../support/env';
import { startTestStack } from '../support/testStack';
import { expectData, postGraphQL } from '../support/graphqlClient';
import { claimsOf } from './identityTokens';

// Password change, rehash-on-login, the KYC expiry job, the SUPPORT demo user and userAnalytics,
// through the gateway against the real PostgreSQL, Redis and Kafka.
const PASSWORD = 'Correct-Horse-42';
const AUTH = 'accessToken refreshToken user { id }';
interface Auth {
  accessToken: string;
  refreshToken: string;
  user: { id: string };
}
const CURRENT_PARAMS = '$scrypt$N=16384,r=8,p=1$';

describe('identity accounts end to end', () => {
  let db: TestDatabase;
  let stack: Stack;
  let url: string;

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    stack = await startTestStack(db, 'identity-account-e2e', {
      identity: {
        // The seed hashes with N=2^16: these settings make every demo login a rehash.
        settings: {
          PASSWORD_SCRYPT_N: 2 ** 14,
          PASSWORD_SCRYPT_P: 1,
          LOCKOUT_IP_THRESHOLD: 1_000,
          KYC_EXPIRY_INTERVAL_SECONDS: 1,
        },
        lockoutNamespace: `identity-account-e2e-${randomBytes(4).toString('hex')}:`,
      },
    });
    url = stack.gatewayUrl;
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await stack?.infra.bus.stop();
    await db?.drop();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const login = (email: string, password: string) =>
    postGraphQL<{ login: Auth }>(url, `mutation($i: LoginInput!) { login(input: $i) { ${AUTH} } }`, {
      i: { email, password },
    });
  const loggedIn = async (email: string, password = DEMO_PASSWORD) => {
    const result = await login(email, password);
    if (!result.data?.login) throw new Error(JSON.stringify(result.errors));
    return result.data.login;
  };
  async function register(): Promise<Auth & { email: string }> {
    const email = `acct-${randomBytes(5).toString('hex')}@example.test`;
    const data = await expectData<{ register: Auth }>(
      url,
      `mutation($i: RegisterInput!) { register(input: $i) { ${AUTH} } }`,
      { i: { email, password: PASSWORD } },
    );
    return { ...data.register, email };
  }

  it('rehashes a password made with other parameters at the next successful login', async () => {
    const before = await db.prisma.user.findUniqueOrThrow({ where: { id: demoUserIds.premium } });
    expect(before.passwordHash.startsWith('$scrypt$N=65536,')).toBe(true);
    expect((await login('premium@demo.test', 'wrong-password-1')).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await db.prisma.user.findUniqueOrThrow({ where: { id: demoUserIds.premium } })).passwordHash,
    ).toBe(before.passwordHash);
    await loggedIn('premium@demo.test');
    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: demoUserIds.premium } });
    expect(after.passwordHash.startsWith(CURRENT_PARAMS)).toBe(true);
    // The upgraded hash still holds the same password.
    expect((await loggedIn('premium@demo.test')).user.id).toBe(demoUserIds.premium);
  });

  it('changes the password only with the current one, ending the other sessions, audited', async () => {
    const first = await register();
    const second = await loggedIn(first.email, PASSWORD);
    const CHANGE =
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
    const change = (current: string, next: string) =>
      postGraphQL<{ changePassword: number }>(
        url,
        CHANGE,
        { c: current, n: next },
        bearer(first.accessToken),
      );
    expect((await postGraphQL(url, CHANGE, { c: PASSWORD, n: 'New-Password-77' })).status).toBe(200);
    expect((await change('Wrong-Password-1', 'New-Password-77')).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await change(PASSWORD, 'short')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await change(PASSWORD, PASSWORD)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await change(PASSWORD, 'New-Password-77')).data?.changePassword).toBe(1);

    // The other session's access and refresh tokens stop working; the current one goes on.
    expect((await postGraphQL(url, '{ me { id } }', {}, bearer(second.accessToken))).status).toBe(401);
    const refreshed = await postGraphQL(
      url,
      'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }',
      {
        t: second.refreshToken,
      },
    );
    expect(refreshed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const events = await expectData<{ me: { id: string; securityEvents: { type: string }[] } }>(
      url,
      '{ me { id securityEvents(first: 5) { type } } }',
      {},
      bearer(first.accessToken),
    );
    expect(events.me.securityEvents.map((e) => e.type)).toContain('PASSWORD_CHANGED');
    expect((await login(first.email, PASSWORD)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await loggedIn(first.email, 'New-Password-77')).user.id).toBe(first.user.id);
  });

  it('has a SUPPORT demo user who reviews KYC but cannot change roles', async () => {
    const support = await loggedIn('support@demo.test');
    expect(support.user.id).toBe(demoUserIds.support);
    expect(claimsOf(support.accessToken).roles).toEqual(['SUPPORT']);
    const queue = await postGraphQL(url, '{ kycReviewQueue { id } }', {}, bearer(support.accessToken));
    expect(queue.errors).toBeUndefined();
    const grant = await postGraphQL(
      url,
      'mutation($u: ID!) { grantRole(userId: $u, role: ADMIN) { id } }',
      { u: demoUserIds.support },
      bearer(support.accessToken),
    );
    expect(grant.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('expires a verified KYC past its validity on schedule; the token claim follows at refresh', async () => {
    const applicant = await register();
    const support = await loggedIn('support@demo.test');
    const { submitKyc } = await expectData<{ submitKyc: { id: string } }>(
      url,
      'mutation { submitKyc(input: { pan: "ABCPE1234F", aadhaar: "2341 2341 2346" }) { id } }',
      {},
      bearer(applicant.accessToken),
    );
    const decided = Date.now();
    const { reviewKyc } = await expectData<{ reviewKyc: { status: string; expiresAt: string } }>(
      url,
      'mutation($id: ID!) { reviewKyc(id: $id, decision: VERIFIED) { status expiresAt } }',
      { id: submitKyc.id },
      bearer(support.accessToken),
    );
    // KYC_VALIDITY_DAYS defaults to 365.
    const validForDays = (Date.parse(reviewKyc.expiresAt) - decided) / 86_400_000;
    expect(validForDays).toBeGreaterThan(364.99);
    expect(validForDays).toBeLessThan(365.01);
    const verified = await postGraphQL<{ refreshSession: Auth }>(
      url,
      `mutation($t: String!) { refreshSession(refreshToken: $t) { ${AUTH} } }`,
      { t: applicant.refreshToken },
    );
    expect(claimsOf(verified.data!.refreshSession.accessToken).kyc).toBe('VERIFIED');

    await db.prisma.kycSubmission.update({
      where: { id: submitKyc.id },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    // No request touches KYC meanwhile: only the scheduled job (every second here) can expire it.
    await eventually(
      async () => {
        const user = await db.prisma.user.findUniqueOrThrow({ where: { id: applicant.user.id } });
        return user.kycStatus === 'EXPIRED' ? true : undefined;
      },
      15_000,
      'the KYC expiry job',
    );
    const audit = await db.prisma.securityEvent.findMany({
      where: { userId: applicant.user.id, type: 'KYC_EXPIRED' },
    });
    expect(audit).toHaveLength(1);
    const announced = await db.prisma.identityOutboxEvent.count({
      where: { type: 'KYC_EXPIRED', key: applicant.user.id },
    });
    expect(announced).toBe(1);
    const next = await postGraphQL<{ refreshSession: Auth }>(
      url,
      `mutation($t: String!) { refreshSession(refreshToken: $t) { ${AUTH} } }`,
      { t: verified.data!.refreshSession.refreshToken },
    );
    expect(claimsOf(next.data!.refreshSession.accessToken).kyc).toBe('EXPIRED');
  });
});
