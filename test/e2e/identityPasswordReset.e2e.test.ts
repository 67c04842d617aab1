import type { ReceivedEmail } from '../../emulators/postmark/server';
import { eventually } from '../support/env';
import { expectData, postGraphQL } from '../support/graphqlClient';
import {
  PASSWORD,
  bearer,
  identitySchemaDump,
  startIdentityStack,
  type IdentityStack,
} from './identityHarness';

const NEW_PASSWORD = 'Brand-New-Secret-77';
const TOKEN_IN_LINK = /http:\/\/localhost:3000\/reset-password\?token=([A-Za-z0-9_-]{43})\b/;

// Password reset by email through the gateway; the emails land in the embedded Postmark stand-in.
describe('password reset end to end', () => {
  let s: IdentityStack;
  let messagesUrl: string;

  beforeAll(async () => {
    s = await startIdentityStack('identity-password-reset-e2e');
    if (!s.stack.postmark) throw new Error('the test stack should embed the Postmark stand-in');
    messagesUrl = s.stack.postmark.messagesUrl;
  }, 120_000);

  afterAll(async () => {
    await s?.stop();
  });

  async function messagesTo(email: string): Promise<ReceivedEmail[]> {
    const response = await fetch(`${messagesUrl}?to=${encodeURIComponent(email)}`);
    return (await response.json()) as ReceivedEmail[];
  }

  /** Waits until `count` messages reached `email` (mail goes out after the response). */
  const receive = (email: string, count: number) =>
    eventually(
      async () => {
        const messages = await messagesTo(email);
        return messages.length >= count ? messages : undefined;
      },
      10_000,
      `${count} email(s) to ${email}`,
    );

  /**
   * Sentinel for "sent nothing": a reset email to a fresh account, requested after. Identity calls the
   * mail client before answering, so a mail the earlier request sent left a whole request before this one.
   */
  async function sentinelEmail(): Promise<void> {
    const other = await s.register();
    expect(await requestReset(other.email)).toBe(true);
    await receive(other.email, 1);
  }

  const requestReset = async (email: string) =>
    (
      await expectData<{ requestPasswordReset: boolean }>(
        s.url,
        `mutation($email: String!) { requestPasswordReset(email: $email) }`,
        { email },
      )
    ).requestPasswordReset;

  const resetPassword = (token: string, newPassword: string) =>
    postGraphQL<{ resetPassword: boolean }>(
      s.url,
      `mutation($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) }`,
      { token, password: newPassword },
    );

  /** Requests a reset and returns the token of the `nth` email (1-based) to that address. */
  async function resetToken(email: string, nth = 1): Promise<string> {
    expect(await requestReset(email)).toBe(true);
    const message = (await receive(email, nth))[nth - 1];
    const token = TOKEN_IN_LINK.exec(message?.TextBody ?? '')?.[1];
    if (!token) throw new Error(`no reset link in ${JSON.stringify(message)}`);
    return token;
  }

  it('emails a token; the reset replaces the password, ends every session and works once', async () => {
    const user = await s.register();
    const token = await resetToken(user.email);
    const [message] = await messagesTo(user.email);
    expect(message).toMatchObject({ Subject: 'Reset your TradeSchool password', Tag: 'password-reset' });
    expect(message?.TextBody).toContain(`paste this reset code into the app: ${token}`);
    // Only its SHA-256 is stored.
    expect(await identitySchemaDump(s.db)).not.toContain(token);

    expect(await resetPassword(token, NEW_PASSWORD)).toMatchObject({ data: { resetPassword: true } });
    expect((await s.login(user.email, NEW_PASSWORD)).data?.login.accessToken).toEqual(expect.any(String));
    expect((await s.login(user.email, PASSWORD)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await s.refresh(user.refreshToken!)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await postGraphQL(s.url, `{ me { id } }`, {}, bearer(user.accessToken))).status).toBe(401);

    const again = await resetPassword(token, 'Another-Password-99');
    expect(again.data).toBeNull();
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });

    const notice = (await receive(user.email, 2))[1];
    expect(notice).toMatchObject({
      Subject: 'Your TradeSchool password was changed',
      Tag: 'password-changed',
    });
    const events = await s.db.prisma.securityEvent.findMany({
      where: { userId: user.user.id, type: { in: ['PASSWORD_RESET_REQUESTED', 'PASSWORD_RESET'] } },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((event) => event.type)).toEqual(['PASSWORD_RESET_REQUESTED', 'PASSWORD_RESET']);
    const session = await s.db.prisma.session.findFirstOrThrow({ where: { userId: user.user.id } });
    expect(session.revokedReason).toBe('PASSWORD_RESET');
  });

  it('answers true for an unknown email and sends nothing', async () => {
    const email = `nobody-${Date.now()}@example.test`;
    expect(await requestReset(email)).toBe(true);
    await sentinelEmail();
    expect(await messagesTo(email)).toEqual([]);
  });

  it('rejects an expired token with the same error as an unknown one', async () => {
    const user = await s.register();
    const token = await resetToken(user.email);
    await s.db.prisma
      .$executeRaw`UPDATE identity.password_reset_token SET expires_at = now() - interval '1 minute' WHERE user_id = ${user.user.id}::uuid`;
    const expired = await resetPassword(token, NEW_PASSWORD);
    const unknown = await resetPassword('x'.repeat(43), NEW_PASSWORD);
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(unknown.errors?.[0]).toEqual(expired.errors?.[0]);
    expect((await s.login(user.email, PASSWORD)).errors).toBeUndefined();
  });

  it('refuses a weak password without consuming the token', async () => {
    const user = await s.register();
    const token = await resetToken(user.email);
    const weak = await resetPassword(token, 'short');
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(await resetPassword(token, NEW_PASSWORD)).toMatchObject({ data: { resetPassword: true } });
  });

  it('a newer request replaces the earlier token', async () => {
    const user = await s.register();
    const first = await resetToken(user.email, 1);
    const second = await resetToken(user.email, 2);
    expect((await resetPassword(first, NEW_PASSWORD)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await resetPassword(second, NEW_PASSWORD)).toMatchObject({ data: { resetPassword: true } });
  });

  it('one token resets once under concurrent calls', async () => {
    const user = await s.register();
    const token = await resetToken(user.email);
    const results = await Promise.all([
      resetPassword(token, NEW_PASSWORD),
      resetPassword(token, 'Other-Password-123'),
      resetPassword(token, 'Third-Password-456'),
    ]);
    expect(results.filter((result) => result.data?.resetPassword === true)).toHaveLength(1);
    expect(
      results.filter((result) => result.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT'),
    ).toHaveLength(2);
    expect(
      await s.db.prisma.securityEvent.count({ where: { userId: user.user.id, type: 'PASSWORD_RESET' } }),
    ).toBe(1);
  });

  it('sends at most 3 reset emails per account per hour; the 4th request still answers true', async () => {
    const user = await s.register();
    for (let i = 0; i < 3; i++) expect(await requestReset(user.email)).toBe(true);
    await receive(user.email, 3);
    expect(await requestReset(user.email)).toBe(true);
    await sentinelEmail();
    expect(await messagesTo(user.email)).toHaveLength(3);
    const throttled = await s.db.prisma.securityEvent.findMany({
      where: { userId: user.user.id, type: 'PASSWORD_RESET_REQUESTED' },
      orderBy: { createdAt: 'asc' },
    });
    expect(throttled.map((event) => event.details)).toEqual([
      ...Array.from({ length: 3 }, () => ({ accountFound: true, emailSent: true })),
      { accountFound: true, emailSent: false, throttled: true },
    ]);
  });

  it('clears an account lockout, so the owner can sign in at once', async () => {
    const user = await s.register();
    for (let i = 0; i < 5; i++) await s.login(user.email, 'Wrong-Password-000');
    expect((await s.login(user.email)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const token = await resetToken(user.email);
    expect(await resetPassword(token, NEW_PASSWORD)).toMatchObject({ data: { resetPassword: true } });
    expect((await s.login(user.email, NEW_PASSWORD)).errors).toBeUndefined();
  });
});
