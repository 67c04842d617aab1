import { accessTokenExpiry, createSessionManager, memorySessionStore, type SessionTokens } from './session';

const jwt = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('session manager', () => {
  const now = 1_800_000_000_000;
  const fresh = (n: number): SessionTokens => ({
    accessToken: jwt({ exp: now / 1000 + 900, n }),
    refreshToken: `refresh-${n}`,
  });

  it('reads the expiry of a JWT without atob or Buffer, and nothing from a non-JWT', () => {
    expect(accessTokenExpiry(jwt({ exp: 1_700_000_000, name: 'Ananyā' }))).toBe(1_700_000_000_000);
    expect(accessTokenExpiry('opaque')).toBeUndefined();
  });

  it('shares one refresh among concurrent callers and stores the rotated tokens', async () => {
    const refreshed: string[] = [];
    const store = memorySessionStore({ accessToken: 'rejected', refreshToken: 'refresh-0' });
    const session = createSessionManager({
      store,
      now: () => now,
      refresh: async (token) => {
        refreshed.push(token);
        await new Promise((resolve) => setTimeout(resolve, 10));
        return fresh(1);
      },
    });
    const tokens = await Promise.all([1, 2, 3].map(() => session.replace('rejected')));
    expect(refreshed).toEqual(['refresh-0']);
    expect(new Set(tokens)).toEqual(new Set([fresh(1).accessToken]));
    expect(store.load()).toEqual(fresh(1));
    // A caller that was refused with the old token after the refresh gets the new one, no second refresh.
    expect(await session.replace('rejected')).toBe(fresh(1).accessToken);
    expect(refreshed).toHaveLength(1);
  });

  it('refreshes ahead of expiry, and signs out when the refresh token is refused', async () => {
    const changes: (SessionTokens | null)[] = [];
    const expiring = { accessToken: jwt({ exp: now / 1000 + 10 }), refreshToken: 'refresh-0' };
    let refuse = false;
    const session = createSessionManager({
      store: memorySessionStore(expiring),
      now: () => now,
      refreshMarginMs: 30_000,
      onChange: (tokens) => changes.push(tokens),
      refresh: async () => {
        if (refuse) throw new Error('UNAUTHENTICATED');
        return fresh(2);
      },
    });
    expect(await session.accessToken()).toBe(fresh(2).accessToken);
    expect(await session.accessToken()).toBe(fresh(2).accessToken);
    refuse = true;
    await expect(session.replace(fresh(2).accessToken)).rejects.toThrow('UNAUTHENTICATED');
    expect(session.current()).toBeNull();
    expect(changes).toEqual([fresh(2), null]);
    expect(await session.accessToken()).toBeUndefined();
  });
});
