import { decodeJwt, UnsecuredJWT } from 'jose';
import type { Tier, Viewer } from '../../platform/auth/viewer';
import { testLogger } from '../../test/support/env';
import { createSocketSession, TIER_CHANGED_CLOSE_CODE } from './socketSession';

// The token check itself is the gateway's (tested with it); here: what the session does with its answer.
const token = (sub: string, tier: Tier, seconds: number) =>
  new UnsecuredJWT({ tier })
    .setSubject(sub)
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
    .encode();
const verifyToken = async (jwt: string): Promise<Viewer> => {
  const claims = decodeJwt(jwt);
  if (claims.sub === 'revoked') throw new Error('revoked session');
  return { userId: claims.sub!, sessionId: 's', roles: [], tier: claims.tier as Tier };
};

function socket() {
  const closes: number[] = [];
  return { closes, close: (code?: number) => void closes.push(code ?? 0) };
}

describe('live socket sessions', () => {
  const open = async (s = socket()) => {
    const session = await createSocketSession(
      s,
      { accessToken: token('u1', 'PREMIUM', 60) },
      {
        verifyToken,
        logger: testLogger,
      },
    );
    if (!session) throw new Error('session refused');
    return session;
  };

  it('refuses a connection without a token it can verify', async () => {
    const options = { verifyToken, logger: testLogger };
    expect(await createSocketSession(socket(), {}, options)).toBeNull();
    expect(
      await createSocketSession(socket(), { accessToken: token('revoked', 'FREE', 60) }, options),
    ).toBeNull();
  });

  it('moves the deadline on a valid token of the same user, and answers in the pong without the token', async () => {
    const session = await open();
    const payload: Record<string, unknown> = { accessToken: token('u1', 'PREMIUM', 600) };
    await session.reauthenticate(payload);
    expect(payload).toEqual({ reauthenticated: true, expiresAt: new Date(session.expiresAt).toISOString() });
    expect(session.expiresAt).toBeGreaterThan(Date.now() + 500_000);
    session.close();
  });

  it("keeps the deadline on another user's or a revoked token", async () => {
    const session = await open();
    const deadline = session.expiresAt;
    for (const jwt of [token('u2', 'PREMIUM', 600), token('revoked', 'PREMIUM', 600)]) {
      const payload: Record<string, unknown> = { accessToken: jwt };
      await session.reauthenticate(payload);
      expect(payload).toEqual({ reauthenticated: false });
    }
    expect(session.expiresAt).toBe(deadline);
    session.close();
  });

  it('closes the socket when the new token carries another tier: its subscriptions were set up for the old one', async () => {
    const s = socket();
    const session = await open(s);
    await session.reauthenticate({ accessToken: token('u1', 'FREE', 600) });
    expect(s.closes).toEqual([TIER_CHANGED_CLOSE_CODE]);
    session.close();
  });
});
