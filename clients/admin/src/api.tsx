import { useCallback, useEffect, useRef, useState } from 'react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createTradeSchoolClient, type SessionStore, type SessionTokens } from '../../sdk/src';

const STORAGE_KEY = 'tradeschool.admin.session';

/** Tokens survive a reload in this tab only (sessionStorage): closing the tab signs the admin out. */
const tabSessionStore: SessionStore = {
  load() {
    try {
      const raw = sessionStorage.getItem(STORAGE_KEY);
      return raw ? (JSON.parse(raw) as SessionTokens) : null;
    } catch {
      return null;
    }
  },
  save(tokens) {
    if (tokens) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
    else sessionStorage.removeItem(STORAGE_KEY);
  },
};

type SessionListener = (tokens: SessionTokens | null) => void;
const listeners = new Set<SessionListener>();

export const client = createTradeSchoolClient({
  url: new URL('/graphql', window.location.origin).toString(),
  sessionStore: tabSessionStore,
  onSessionChange: (tokens) => listeners.forEach((listener) => listener(tokens)),
});

/** Re-renders when the session starts, is refreshed or ends. */
export function useSession(): SessionTokens | null {
  const [tokens, setTokens] = useState(client.session.current());
  useEffect(() => {
    listeners.add(setTokens);
    return () => void listeners.delete(setTokens);
  }, []);
  return tokens;
}

export interface QueryState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/** Runs a typed query whenever its variables change; keeps the last data while reloading. */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): QueryState<TResult> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<Omit<QueryState<TResult>, 'reload'>>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    const run = client.request as (doc: typeof document, vars: TVariables) => Promise<TResult>;
    run(document, JSON.parse(key) as TVariables).then(
      (data) => request === latest.current && setState({ data, error: undefined, loading: false }),
      (error: Error) => request === latest.current && setState({ data: undefined, error, loading: false }),
    );
  }, [document, key, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}
