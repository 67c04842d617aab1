/** What a sign-in gives: the short-lived access token and the rotating refresh token. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

/** Where tokens are kept between page loads or app launches (localStorage, SecureStore...). */
export interface SessionStore {
  load(): SessionTokens | null;
  save(tokens: SessionTokens | null): void;
}

export function memorySessionStore(initial: SessionTokens | null = null): SessionStore {
  let tokens = initial;
  return { load: () => tokens, save: (next) => void (tokens = next) };
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url → UTF-8 without atob, Buffer or TextDecoder, which not every runtime (React Native) has. */
function decodeBase64Url(input: string): string {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of input.replace(/=+$/, '')) {
    const value = BASE64URL.indexOf(char === '+' ? '-' : char === '/' ? '_' : char);
    if (value < 0) throw new TypeError('not base64url');
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return decodeURIComponent(bytes.map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''));
}

/** The `exp` claim of a JWT in epoch ms; undefined when the token is not a readable JWT. */
export function accessTokenExpiry(token: string): number | undefined {
  try {
    const claims = JSON.parse(decodeBase64Url(token.split('.')[1] ?? '')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

export interface SessionManagerOptions {
  store: SessionStore;
  /** Exchanges a refresh token for new tokens (the refreshSession mutation). */
  refresh: (refreshToken: string) => Promise<SessionTokens>;
  /** Refresh when the access token has less than this left (default 30 s). */
  refreshMarginMs?: number;
  now?: () => number;
  onChange?: (tokens: SessionTokens | null) => void;
}

/**
 * Holds the tokens and refreshes them: ahead of expiry, or when the API answers UNAUTHENTICATED.
 * Concurrent callers share one refresh: a refresh token is single-use (rotated), so two parallel
 * refreshes would end the session.
 */
export function createSessionManager(options: SessionManagerOptions) {
  const margin = options.refreshMarginMs ?? 30_000;
  const now = options.now ?? Date.now;
  let tokens = options.store.load();
  let inFlight: Promise<string | undefined> | undefined;

  function set(next: SessionTokens | null): void {
    tokens = next;
    options.store.save(next);
    options.onChange?.(next);
  }

  function refreshNow(): Promise<string | undefined> {
    if (inFlight) return inFlight;
    const refreshToken = tokens?.refreshToken;
    if (!refreshToken) return Promise.resolve(undefined);
    inFlight = options
      .refresh(refreshToken)
      .then(
        (next) => {
          set(next);
          return next.accessToken;
        },
        (error: unknown) => {
          // A refresh token that was refused will not work later either: the user must sign in again.
          set(null);
          throw error;
        },
      )
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  return {
    current: (): SessionTokens | null => tokens,
    set,
    /** A usable access token (refreshed first when it is about to expire); undefined when signed out. */
    async accessToken(): Promise<string | undefined> {
      if (inFlight) return inFlight;
      if (!tokens) return undefined;
      const expiry = accessTokenExpiry(tokens.accessToken);
      if (expiry !== undefined && expiry - now() < margin) return refreshNow();
      return tokens.accessToken;
    },
    /**
     * After `rejected` was refused: refresh, unless another caller already replaced it, in which case
     * the newer token is used as is.
     */
    async replace(rejected: string): Promise<string | undefined> {
      if (tokens && tokens.accessToken !== rejected) return tokens.accessToken;
      return refreshNow();
    },
  };
}

export type SessionManager = ReturnType<typeof createSessionManager>;
