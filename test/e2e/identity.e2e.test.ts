import { randomBytes } from 'node:crypto';
import { generateKeyPair } from 'jose';
import { TOTP, Secret } from 'otpauth';
import { type Stack } from '../../gateway/stack';
import { seed } from '../../prisma/seed';
import { DEMO_PASSWORD, demoUserIds } from '../../prisma/seed/data';
import { verhoeffValid } from '../../subgraphs/identity/services/kycDocuments';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { eventually } from '../support/env';
import { startTestStack } from '../support/testStack';
import { expectData, postGraphQL } from '../support/graphqlClient';
import { claimsOf, forgeAccessToken, testSigningKey, unsignedToken } from './identityTokens';

const PASSWORD = 'Correct-Horse-42';
const AUTH = 'accessToken refreshToken twoFactorRequired twoFactorChallenge user { id }';
interface Auth {
  accessToken: string | null;
  refreshToken: string | null;
  twoFactorRequired: boolean;
  twoFactorChallenge: string | null;
  user: { id: string };
}

// Identity through the gateway on ephemeral ports, against the real PostgreSQL, Redis and Kafka.
describe('identity end to end', () => {
  let db: TestDatabase;
  let stack: Stack;
  let url: string;
  let key: Awaited<ReturnType<typeof testSigningKey>>;
  /** Every refresh token handed out, to prove none of them is in the database. */
  const issuedRefreshTokens: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await seed(db.prisma, { demoAccounts: true });
    key = await testSigningKey();
    stack = await startTestStack(db, 'identity-e2e', {
      identity: {
        privateKeyPem: key.privateKeyPem,
        publicKeyPem: key.publicKeyPem,
        // Every test client is 127.0.0.1: a per-IP lock would end the file at the lockout test.
        settings: { REFRESH_GRACE_SECONDS: 1, PASSWORD_SCRYPT_N: 2 ** 14, LOCKOUT_IP_THRESHOLD: 1_000 },
        lockoutNamespace: `identity-e2e-${randomBytes(4).toString('hex')}:`,
      },
    });
    url = stack.gatewayUrl;
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await stack?.infra.bus.stop();
    await db?.drop();
  });

  const bearer = (token: string | null) => ({ authorization: `Bearer ${token ?? ''}` });
  const track = (auth: Auth) => {
    if (auth.refreshToken) issuedRefreshTokens.push(auth.refreshToken);
    return auth;
  };

  async function register(
    agent = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0',
  ): Promise<Auth & { email: string }> {
    const email = `id-${randomBytes(5).toString('hex')}@example.test`;
    const data = await expectData<{ register: Auth }>(
      url,
      `mutation($input: RegisterInput!) { register(input: $input) { ${AUTH} } }`,
      { input: { email, password: PASSWORD, name: 'Identity Test' } },
      { 'user-agent': agent },
    );
    return { ...track(data.register), email };
  }

  async function login(
    email: string,
    password = PASSWORD,
    agent = 'Mozilla/5.0 (Macintosh; Mac OS X 14) Chrome/128.0 Safari/537.36',
  ) {
    const result = await postGraphQL<{ login: Auth }>(
      url,
      `mutation($input: LoginInput!) { login(input: $input) { ${AUTH} } }`,
      { input: { email, password } },
      { 'user-agent': agent },
    );
    if (result.data?.login) track(result.data.login);
    return result;
  }

  const refresh = (refreshToken: string) =>
    postGraphQL<{ refreshSession: Auth }>(
      url,
      `mutation($token: String!) { refreshSession(refreshToken: $token) { ${AUTH} } }`,
      { token: refreshToken },
    );

  describe('the gateway verifies access tokens', () => {
    const meWith = (token: string) =>
      postGraphQL<{ me: { id: string } | null }>(url, `{ me { id } }`, {}, bearer(token));
    const expectRefused = async (token: string) => {
      const result = await meWith(token);
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    };

    it('accepts a token signed with the identity key and the right claims (control)', async () => {
      const token = await forgeAccessToken(demoUserIds.free, { key: key.privateKey, kid: key.kid });
      expect((await meWith(token)).data?.me?.id).toBe(demoUserIds.free);
    });
    it('refuses alg none', async () => expectRefused(unsignedToken(demoUserIds.admin, key.kid)));
    it('refuses HS256 signed with the public key', async () =>
      expectRefused(
        await forgeAccessToken(demoUserIds.admin, {
          key: new TextEncoder().encode(key.publicKeyPem),
          alg: 'HS256',
          kid: key.kid,
        }),
      ));
    it('refuses an unknown kid', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      await expectRefused(await forgeAccessToken(demoUserIds.admin, { key: privateKey, kid: 'unknown-kid' }));
    });
    it('refuses a token expired by 61 seconds', async () =>
      expectRefused(
        await forgeAccessToken(demoUserIds.free, {
          key: key.privateKey,
          kid: key.kid,
          expiresAt: Math.floor(Date.now() / 1000) - 61,
        }),
      ));
    it('refuses the wrong issuer', async () =>
      expectRefused(
        await forgeAccessToken(demoUserIds.free, { key: key.privateKey, kid: key.kid, issuer: 'evil' }),
      ));
    it('refuses the wrong audience', async () =>
      expectRefused(
        await forgeAccessToken(demoUserIds.free, {
          key: key.privateKey,
          kid: key.kid,
          audience: 'other-api',
        }),
      ));
    it('refuses the wrong token type', async () =>
      expectRefused(
        await forgeAccessToken(demoUserIds.free, { key: key.privateKey, kid: key.kid, typ: 'JWT' }),
      ));
  });

  describe('refresh-token rotation', () => {
    it('rotates on every use; two concurrent refreshes inside the grace window get one successor', async () => {
      const user = await register();
      const [first, second] = await Promise.all([refresh(user.refreshToken!), refresh(user.refreshToken!)]);
      expect(first.errors).toBeUndefined();
      expect(second.errors).toBeUndefined();
      expect(first.data?.refreshSession.refreshToken).toBe(second.data?.refreshSession.refreshToken);
      expect(first.data?.refreshSession.refreshToken).not.toBe(user.refreshToken);
      track(first.data!.refreshSession);
      const session = await db.prisma.session.findFirstOrThrow({ where: { userId: user.user.id } });
      expect(await db.prisma.refreshToken.count({ where: { sessionId: session.id } })).toBe(2);
    });

    it('reuse after the grace window revokes the whole family', async () => {
      const user = await register();
      const rotated = await expectData<{ refreshSession: Auth }>(
        url,
        `mutation($token: String!) { refreshSession(refreshToken: $token) { ${AUTH} } }`,
        { token: user.refreshToken },
      );
      track(rotated.refreshSession);
      await new Promise((resolve) => setTimeout(resolve, 1_300));
      const reused = await refresh(user.refreshToken!);
      expect(reused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      // The successor and the session's access tokens die with the family.
      expect((await refresh(rotated.refreshSession.refreshToken!)).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      expect(
        (await postGraphQL(url, `{ me { id } }`, {}, bearer(rotated.refreshSession.accessToken))).status,
      ).toBe(401);
      const events = await db.prisma.securityEvent.findMany({
        where: { userId: user.user.id, type: 'REFRESH_TOKEN_REUSED' },
      });
      expect(events).toHaveLength(1);
    });
  });

  describe('sessions', () => {
    it('lists sessions with device and IP, and a revoked session’s access token is refused', async () => {
      const user = await register();
      const other = (await login(user.email)).data!.login;
      const list = await expectData<{
        me: { sessions: { id: string; device: string; ip: string; current: boolean; lastUsedAt: string }[] };
      }>(
        url,
        `{ me { sessions { id device ip current createdAt lastUsedAt } } }`,
        {},
        bearer(user.accessToken),
      );
      expect(list.me.sessions).toHaveLength(2);
      expect(list.me.sessions.map((s) => s.device).sort()).toEqual(['Chrome on macOS', 'Firefox on Linux']);
      expect(list.me.sessions.every((s) => s.ip === '127.0.0.1')).toBe(true);
      const otherSession = list.me.sessions.find((s) => !s.current)!;
      expect(otherSession.device).toBe('Chrome on macOS');

      const revoked = await expectData<{ revokeSession: boolean }>(
        url,
        `mutation($id: ID!) { revokeSession(id: $id) }`,
        { id: otherSession.id },
        bearer(user.accessToken),
      );
      expect(revoked.revokeSession).toBe(true);
      const refused = await postGraphQL(url, `{ me { id } }`, {}, bearer(other.accessToken));
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await refresh(other.refreshToken!)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

      await expectData(url, `mutation { logout }`, {}, bearer(user.accessToken));
      expect((await postGraphQL(url, `{ me { id } }`, {}, bearer(user.accessToken))).status).toBe(401);
    });

    it('revokeOtherSessions keeps only the current one', async () => {
      const user = await register();
      await login(user.email);
      await login(user.email);
      const result = await expectData<{ revokeOtherSessions: number }>(
        url,
        `mutation { revokeOtherSessions }`,
        {},
        bearer(user.accessToken),
      );
      expect(result.revokeOtherSessions).toBe(2);
      const me = await expectData<{ me: { sessions: { current: boolean }[] } }>(
        url,
        `{ me { sessions { current } } }`,
        {},
        bearer(user.accessToken),
      );
      expect(me.me.sessions).toEqual([{ current: true }]);
    });
  });

  // 20, not 100: the gateway refuses more than 30 aliases (issue 4) before identity sees them.
  it('20 aliased login attempts in one request trigger the lockout', async () => {
    const user = await register();
    const fields = Array.from(
      { length: 20 },
      (_, i) =>
        `a${i}: login(input: { email: "${user.email}", password: "wrong-password-${i}" }) { accessToken }`,
    );
    const result = await postGraphQL(url, `mutation { ${fields.join('\n')} }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const correct = await login(user.email);
    expect(correct.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const locked = await db.prisma.securityEvent.count({ where: { type: 'ACCOUNT_LOCKED' } });
    expect(locked).toBeGreaterThanOrEqual(1);
  });

  it('refuses a direct subgraph call without the gateway signature, _entities included', async () => {
    const direct = await postGraphQL(
      stack.subgraphUrls.identity,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { email } } }`,
      { r: [{ __typename: 'User', id: demoUserIds.admin }] },
    );
    expect(direct.status).toBe(401);
    expect(direct.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(direct.data).toBeUndefined();
  });

  it('ignores identity headers sent by the client', async () => {
    const forgedViewer = Buffer.from(
      JSON.stringify({ userId: demoUserIds.admin, sessionId: 'x', roles: ['ADMIN'], tier: 'ENTERPRISE' }),
    ).toString('base64url');
    const result = await expectData<{ me: null }>(
      url,
      `{ me { id } }`,
      {},
      {
        'x-viewer': forgedViewer,
        'x-viewer-ts': String(Date.now()),
        'x-viewer-client': '',
        'x-gateway-signature': 'forged',
      },
    );
    expect(result.me).toBeNull();
  });

  describe('two-factor authentication', () => {
    it('enrols, asks for a code at login, and refuses a replayed code', async () => {
      const user = await register();
      const enrolment = await expectData<{ enrollTotp: { secret: string; otpauthUri: string } }>(
        url,
        `mutation { enrollTotp { secret otpauthUri } }`,
        {},
        bearer(user.accessToken),
      );
      expect(enrolment.enrollTotp.otpauthUri).toMatch(/^otpauth:\/\/totp\/TradeSchool:/);
      const totp = new TOTP({ secret: Secret.fromBase32(enrolment.enrollTotp.secret) });
      const now = Date.now();
      const activation = await expectData<{ confirmTotp: { backupCodes: string[] } }>(
        url,
        `mutation($code: String!) { confirmTotp(code: $code) { backupCodes } }`,
        { code: totp.generate({ timestamp: now }) },
        bearer(user.accessToken),
      );
      expect(new Set(activation.confirmTotp.backupCodes).size).toBe(10);

      const complete = (challenge: string, code: string) =>
        postGraphQL<{ completeTwoFactorLogin: Auth }>(
          url,
          `mutation($challenge: String!, $code: String!) { completeTwoFactorLogin(challenge: $challenge, code: $code) { ${AUTH} } }`,
          { challenge, code },
        );
      const pending = (await login(user.email)).data!.login;
      expect(pending).toMatchObject({ twoFactorRequired: true, accessToken: null, refreshToken: null });
      // The code that confirmed enrolment has been used: a replay is refused.
      const replay = await complete(pending.twoFactorChallenge!, totp.generate({ timestamp: now }));
      expect(replay.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const nextCode = totp.generate({ timestamp: now + 30_000 });
      const done = await complete(pending.twoFactorChallenge!, nextCode);
      expect(done.errors).toBeUndefined();
      expect(done.data?.completeTwoFactorLogin.accessToken).toEqual(expect.any(String));
      track(done.data!.completeTwoFactorLogin);

      const again = (await login(user.email)).data!.login;
      expect((await complete(again.twoFactorChallenge!, nextCode)).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      const backup = activation.confirmTotp.backupCodes[0]!;
      expect((await complete(again.twoFactorChallenge!, backup)).errors).toBeUndefined();
      const third = (await login(user.email)).data!.login;
      expect((await complete(third.twoFactorChallenge!, backup)).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      const stored = await db.prisma.backupCode.findMany({ where: { userId: user.user.id } });
      expect(stored.some((row) => row.codeHash.includes(backup))).toBe(false);
    });
  });

  describe('roles, KYC and the audit trail', () => {
    function aadhaarNumber(): string {
      const body = `9${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
      const check = [...'0123456789'].find((digit) => verhoeffValid(body + digit))!;
      return body + check;
    }

    it('admins grant SUPPORT (audited); support verifies a KYC application; the kyc claim follows', async () => {
      const adminAuth = (await login('admin@demo.test', DEMO_PASSWORD)).data!.login;
      const staff = await register();
      const applicant = await register();
      const forbidden = await postGraphQL(
        url,
        `mutation($id: ID!) { grantRole(userId: $id, role: SUPPORT) { id } }`,
        { id: staff.user.id },
        bearer(staff.accessToken),
      );
      expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const granted = await expectData<{ grantRole: { roles: string[] } }>(
        url,
        `mutation($id: ID!) { grantRole(userId: $id, role: SUPPORT) { roles } }`,
        { id: staff.user.id },
        bearer(adminAuth.accessToken),
      );
      expect(granted.grantRole.roles).toEqual(['LEARNER', 'SUPPORT']);
      const audit = await db.prisma.securityEvent.findFirstOrThrow({
        where: { userId: staff.user.id, type: 'ROLE_GRANTED' },
      });
      expect(audit.actorId).toBe(demoUserIds.admin);
      const staffToken = (await refresh(staff.refreshToken!)).data!.refreshSession.accessToken;
      expect(claimsOf(staffToken!).roles).toEqual(['LEARNER', 'SUPPORT']);

      const aadhaar = aadhaarNumber();
      const badPan = await postGraphQL(
        url,
        `mutation($input: KycInput!) { submitKyc(input: $input) { id } }`,
        { input: { pan: 'ABC123', aadhaar } },
        bearer(applicant.accessToken),
      );
      expect(badPan.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pan' });
      const submitted = await expectData<{
        submitKyc: { id: string; status: string; aadhaarMasked: string; riskScore: number };
      }>(
        url,
        `mutation($input: KycInput!) { submitKyc(input: $input) { id status aadhaarMasked riskScore } }`,
        {
          input: {
            pan: 'abcpe1234f',
            aadhaar: `${aadhaar.slice(0, 4)} ${aadhaar.slice(4, 8)} ${aadhaar.slice(8)}`,
          },
        },
        bearer(applicant.accessToken),
      );
      expect(submitted.submitKyc).toMatchObject({
        status: 'PENDING',
        aadhaarMasked: `XXXX-XXXX-${aadhaar.slice(-4)}`,
      });
      const queue = await expectData<{ kycReviewQueue: { id: string; user: { id: string } }[] }>(
        url,
        `{ kycReviewQueue { id user { id } } }`,
        {},
        bearer(staffToken),
      );
      expect(queue.kycReviewQueue.map((entry) => entry.id)).toContain(submitted.submitKyc.id);
      const reviewed = await expectData<{ reviewKyc: { status: string } }>(
        url,
        `mutation($id: ID!) { reviewKyc(id: $id, decision: VERIFIED) { status } }`,
        { id: submitted.submitKyc.id },
        bearer(staffToken),
      );
      expect(reviewed.reviewKyc.status).toBe('VERIFIED');
      const applicantToken = (await refresh(applicant.refreshToken!)).data!.refreshSession;
      track(applicantToken);
      expect(claimsOf(applicantToken.accessToken!).kyc).toBe('VERIFIED');

      // Security events reach Kafka through the outbox.
      await eventually(async () => {
        const pending = await db.prisma.identityOutboxEvent.count({
          where: { topic: 'identity.security', publishedAt: null },
        });
        const published = await db.prisma.identityOutboxEvent.count({
          where: { topic: 'identity.security', type: 'KYC_VERIFIED', publishedAt: { not: null } },
        });
        return pending === 0 && published === 1 ? true : undefined;
      });

      // The database never holds a full Aadhaar number or a plain refresh token.
      const tables = await db.prisma.$queryRawUnsafe<{ table_name: string }[]>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'identity'`,
      );
      const dump = (
        await Promise.all(
          tables.map(({ table_name }) =>
            db.prisma.$queryRawUnsafe<{ row: string }[]>(
              `SELECT row_to_json(t)::text AS row FROM identity."${table_name}" t`,
            ),
          ),
        )
      )
        .flat()
        .map((r) => r.row)
        .join('\n');
      expect(dump).toContain(aadhaar.slice(-4));
      expect(dump).not.toContain(aadhaar);
      expect(dump).not.toContain(aadhaar.slice(0, 8));
      expect(issuedRefreshTokens.length).toBeGreaterThan(10);
      for (const token of issuedRefreshTokens) expect(dump).not.toContain(token);
    });
  });

  it('publishes a new signing key before it signs', async () => {
    const adminAuth = (await login('admin@demo.test', DEMO_PASSWORD)).data!.login;
    const rotation = await expectData<{ rotateSigningKey: { kid: string; signsFrom: string } }>(
      url,
      `mutation { rotateSigningKey { kid signsFrom } }`,
      {},
      bearer(adminAuth.accessToken),
    );
    const jwks = (await (
      await fetch(new URL('/.well-known/jwks.json', stack.subgraphUrls.identity))
    ).json()) as {
      keys: { kid: string }[];
    };
    expect(jwks.keys.map((k) => k.kid)).toEqual([key.kid, rotation.rotateSigningKey.kid]);
    expect(Date.parse(rotation.rotateSigningKey.signsFrom)).toBeGreaterThan(Date.now());
    const fresh = (await login('free@demo.test', DEMO_PASSWORD)).data!.login;
    expect(JSON.parse(Buffer.from(fresh.accessToken!.split('.')[0]!, 'base64url').toString()).kid).toBe(
      key.kid,
    );
  });
});
