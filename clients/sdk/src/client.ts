import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { prepareDocument } from './documents';
import { isGraphQLRequestError, GraphQLRequestError } from './errors';
import { LoginDocument, LogoutDocument, RefreshSessionDocument } from './generated/graphql';
import type { RefreshSessionMutation, SessionTokensFragment } from './generated/graphql';
import { createHttpTransport, type DocumentTransport, type FetchLike } from './httpTransport';
import { createSessionManager, memorySessionStore, type SessionStore, type SessionTokens } from './session';
import { createWsTransport, type SubscriptionSink } from './wsTransport';

export interface TradeSchoolClientOptions {
  /** The gateway's GraphQL endpoint, e.g. https://api.example.com/graphql. */
  url: string;
  /** Subscriptions endpoint; default: `url` with ws(s)://. */
  wsUrl?: string;
  fetch?: FetchLike;
  /** The WebSocket class when there is no global one (Node: `ws`). */
  webSocketImpl?: unknown;
  /** Where tokens live; default: memory. */
  sessionStore?: SessionStore;
  /** See DocumentTransport; default 'id-and-query'. */
  documents?: DocumentTransport;
  /** Refresh the access token when less than this is left (default 30 s). */
  refreshMarginMs?: number;
  timeoutMs?: number;
  onSessionChange?: (tokens: SessionTokens | null) => void;
}

/** Variables may be left out when the operation has none, or only optional ones. */
type Variables<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

const tokensOf = (payload: SessionTokensFragment, operation: string): SessionTokens => {
  if (!payload.accessToken || !payload.refreshToken) {
    throw new GraphQLRequestError(
      [{ message: 'A second factor is required', extensions: { code: 'TWO_FACTOR_REQUIRED' } }],
      operation,
      200,
      payload,
    );
  }
  return { accessToken: payload.accessToken, refreshToken: payload.refreshToken };
};

/** The typed client: every call takes a generated document, so variables and results are checked. */
export function createTradeSchoolClient(options: TradeSchoolClientOptions) {
  const http = createHttpTransport({
    url: options.url,
    fetch: options.fetch,
    documents: options.documents,
    timeoutMs: options.timeoutMs,
  });
  const session = createSessionManager({
    store: options.sessionStore ?? memorySessionStore(),
    refreshMarginMs: options.refreshMarginMs,
    onChange: options.onSessionChange,
    // Sent without the (expired) access token: the refresh token is the credential.
    refresh: async (refreshToken) => {
      const data = await http<RefreshSessionMutation>(
        prepareDocument(RefreshSessionDocument),
        { refreshToken },
        undefined,
      );
      return tokensOf(data.refreshSession, 'RefreshSession');
    },
  });

  async function request<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    ...[variables]: Variables<TVariables>
  ): Promise<TResult> {
    const prepared = prepareDocument(document);
    const token = await session.accessToken();
    try {
      return await http<TResult>(prepared, variables ?? {}, token);
    } catch (error) {
      // Revoked or expired early (clock skew, key rotation): refresh once and retry.
      if (!token || !isGraphQLRequestError(error, 'UNAUTHENTICATED')) throw error;
      const fresh = await session.replace(token);
      if (!fresh) throw error;
      return http<TResult>(prepared, variables ?? {}, fresh);
    }
  }

  const ws = createWsTransport({
    url: options.wsUrl ?? options.url.replace(/^http/, 'ws'),
    webSocketImpl: options.webSocketImpl,
    accessToken: () => session.accessToken(),
    tokenRefused: (token) => session.replace(token),
  });

  return {
    request,
    /** Starts a subscription; returns the function that ends it. */
    subscribe<TResult, TVariables>(
      document: TypedDocumentNode<TResult, TVariables>,
      variables: TVariables,
      sink: SubscriptionSink<TResult>,
    ): () => void {
      return ws.subscribe(prepareDocument(document), variables, sink);
    },
    /** Signs in and keeps the tokens; a GraphQLRequestError with code TWO_FACTOR_REQUIRED when TOTP is on. */
    async login(email: string, password: string): Promise<SessionTokensFragment> {
      const data = await request(LoginDocument, { input: { email, password } });
      session.set(tokensOf(data.login, 'Login'));
      return data.login;
    },
    /** Ends the session on the server (best effort) and forgets the tokens. */
    async logout(): Promise<void> {
      try {
        if (session.current()) await request(LogoutDocument);
      } finally {
        session.set(null);
      }
    },
    session,
    /** The subscription socket's state (`status()`, `onStatus(listener)`). */
    live: { status: ws.status, onStatus: ws.onStatus },
    /** Closes the subscription socket. */
    dispose: () => ws.dispose(),
  };
}

export type TradeSchoolClient = ReturnType<typeof createTradeSchoolClient>;
