import { GraphQLRequestError, NetworkError, type GraphQLErrorEntry } from './errors';
import type { PreparedDocument } from './documents';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * How operations travel: `id` sends only the trusted-document id (what a gateway with
 * TRUSTED_DOCUMENTS=enforce expects, smallest requests); `id-and-query` also sends the text, so the
 * same build works against a gateway that has no manifest loaded.
 */
export type DocumentTransport = 'id' | 'id-and-query';

export interface HttpTransportOptions {
  url: string;
  fetch?: FetchLike;
  documents?: DocumentTransport;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

interface WireResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorEntry[];
}

/** POSTs one operation (JSON, GraphQL over HTTP) and returns its data or throws a typed error. */
export function createHttpTransport(options: HttpTransportOptions) {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const mode = options.documents ?? 'id-and-query';

  return async function execute<T>(
    document: PreparedDocument,
    variables: unknown,
    accessToken: string | undefined,
  ): Promise<T> {
    const body: Record<string, unknown> = { operationName: document.operationName, variables };
    if (document.documentId) body.documentId = document.documentId;
    if (!document.documentId || mode === 'id-and-query') body.query = document.query;
    let response: Response;
    try {
      response = await fetchImpl(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...options.headers,
          ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
        },
        body: JSON.stringify(body),
        signal: options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
      });
    } catch (cause) {
      throw new NetworkError(`${document.operationName ?? 'operation'}: request failed`, undefined, {
        cause,
      });
    }
    let payload: WireResponse<T>;
    try {
      payload = (await response.json()) as WireResponse<T>;
    } catch (cause) {
      throw new NetworkError(`HTTP ${response.status}: the response is not JSON`, response.status, { cause });
    }
    if (payload.errors?.length) {
      throw new GraphQLRequestError(payload.errors, document.operationName, response.status, payload.data);
    }
    if (payload.data === undefined || payload.data === null) {
      throw new NetworkError(`HTTP ${response.status}: a response without data`, response.status);
    }
    return payload.data;
  };
}

export type HttpTransport = ReturnType<typeof createHttpTransport>;
