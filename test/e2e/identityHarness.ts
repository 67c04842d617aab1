import { randomBytes } from 'node:crypto';
import { type Stack } from '../../gateway/stack';
import { verhoeffValid } from '../../subgraphs/identity/services/kycDocuments';
import { createSeededTestDatabase, type TestDatabase } from '../support/database';
import { startTestStack } from '../support/testStack';
import { expectData, postGraphQL } from '../support/graphqlClient';
import { testSigningKey } from './identityTokens';

export const PASSWORD = 'Correct-Horse-42';
export const AUTH = 'accessToken refreshToken twoFactorRequired twoFactorChallenge user { id }';
export interface Auth {
  accessToken: string | null;
  refreshToken: string | null;
  twoFactorRequired: boolean;
  twoFactorChallenge: string | null;
  user: { id: string };
}

export const bearer = (token: string | null) => ({ authorization: `Bearer ${token ?? ''}` });

/**
 * Identity through the gateway on ephemeral ports, against the real PostgreSQL, Redis and Kafka, on a
 * fresh seeded database with a signing key the test also holds. `name` keeps the Kafka client and the
 * lockout namespace apart from other files. Every refresh token handed out is kept in
 * `issuedRefreshTokens`, to prove none of them is in the database.
 */
export async function startIdentityStack(name: string) {
  const db: TestDatabase = await createSeededTestDatabase();
  const key = await testSigningKey();
  const stack: Stack = await startTestStack(db, name, {
    identity: {
      privateKeyPem: key.privateKeyPem,
      publicKeyPem: key.publicKeyPem,
      // Every test client is 127.0.0.1: a per-IP lock would end the file at the lockout test.
      settings: { REFRESH_GRACE_SECONDS: 1, PASSWORD_SCRYPT_N: 2 ** 14, LOCKOUT_IP_THRESHOLD: 1_000 },
      lockoutNamespace: `${name}-${randomBytes(4).toString('hex')}:`,
    },
  }).catch(async (error: unknown) => {
    // No harness to stop yet: drop the database here so a failed start leaves nothing behind.
    await db.drop();
    throw error;
  });
  const url = stack.gatewayUrl;
  const issuedRefreshTokens: string[] = [];
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

  /** Answers a two-factor challenge; the refresh token it returns is not tracked. */
  const completeTwoFactorLogin = (challenge: string, code: string) =>
    postGraphQL<{ completeTwoFactorLogin: Auth }>(
      url,
      `mutation($challenge: String!, $code: String!) { completeTwoFactorLogin(challenge: $challenge, code: $code) { ${AUTH} } }`,
      { challenge, code },
    );

  return {
    db,
    stack,
    url,
    key,
    issuedRefreshTokens,
    track,
    register,
    login,
    refresh,
    completeTwoFactorLogin,
    async stop() {
      await stack.stop();
      await stack.infra.bus.stop();
      await db.drop();
    },
  };
}

export type IdentityStack = Awaited<ReturnType<typeof startIdentityStack>>;

/** A random Aadhaar number with a valid Verhoeff check digit. */
export function aadhaarNumber(): string {
  const body = `9${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  const check = [...'0123456789'].find((digit) => verhoeffValid(body + digit))!;
  return body + check;
}

/** Every row of every table in the identity schema as JSON text, to search for what must not be stored. */
export async function identitySchemaDump(db: TestDatabase): Promise<string> {
  const tables = await db.prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'identity'`,
  );
  return (
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
}
