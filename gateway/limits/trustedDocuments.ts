import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { HTTPGraphQLRequest } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { HttpRefusal } from '../../platform/graphqlHttp';

export type TrustedDocumentsMode = 'off' | 'enforce';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The manifest codegen produces from the clients' operations: `{ "<sha256 hex of the document>":
 * "<document>" }`. Every entry is checked at boot, so a hand-edited manifest fails loudly there.
 */
export function loadTrustedDocuments(path: string): Map<string, string> {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`Trusted documents manifest ${path}: expected an object of sha256 → document`);
  }
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(parsed)) {
    if (typeof document !== 'string' || sha256(document) !== hash.toLowerCase()) {
      throw new Error(`Trusted documents manifest ${path}: entry ${hash} is not the sha256 of its document`);
    }
    documents.set(hash.toLowerCase(), document);
  }
  return documents;
}

type Fields = Record<string, unknown>;

function asRecord(value: unknown): Fields | undefined {
  if (typeof value === 'string') {
    try {
      return asRecord(JSON.parse(value));
    } catch {
      return undefined;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : undefined;
}

/** The document id a request names: `documentId` ("sha256:<hex>" or "<hex>") or the APQ extension. */
function requestedId(fields: Fields): string | undefined {
  if (typeof fields.documentId === 'string') return fields.documentId.replace(/^sha256:/, '').toLowerCase();
  const persisted = asRecord(asRecord(fields.extensions)?.persistedQuery);
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash.toLowerCase() : undefined;
}

function withoutPersistedQuery(extensions: unknown): Fields | undefined {
  const record = asRecord(extensions);
  if (!record) return undefined;
  const { persistedQuery: _ignored, ...rest } = record;
  return rest;
}

/**
 * Turns a request that names a registered document into one carrying that document, so Apollo
 * runs it like any other; in enforce mode, refuses every operation that is not in the manifest.
 * Runs before authentication and parsing: an untrusted document is never parsed.
 */
export function trustedDocumentsResolver(mode: TrustedDocumentsMode, documents: Map<string, string>) {
  return (request: HTTPGraphQLRequest): HTTPGraphQLRequest => {
    const isGet = request.method === 'GET';
    const search = new URLSearchParams(request.search);
    const fields: Fields = isGet ? Object.fromEntries(search) : (asRecord(request.body) ?? {});
    const id = requestedId(fields);
    let document: string | undefined;
    if (id !== undefined) {
      document = documents.get(id);
      if (document === undefined) {
        throw new HttpRefusal(400, 'PERSISTED_QUERY_NOT_FOUND', `No trusted document with id ${id}`);
      }
    } else if (mode === 'enforce') {
      const query = fields.query;
      // A full document is accepted only when it is, byte for byte, a registered one.
      if (typeof query !== 'string' || !documents.has(sha256(query))) {
        throw new HttpRefusal(
          400,
          'OPERATION_NOT_TRUSTED',
          'Only registered (trusted) operations are accepted',
        );
      }
      return request;
    } else {
      return request;
    }
    if (isGet) {
      search.delete('documentId');
      search.set('query', document);
      const extensions = withoutPersistedQuery(search.get('extensions'));
      if (extensions) search.set('extensions', JSON.stringify(extensions));
      return { ...request, search: `?${search.toString()}` };
    }
    const { documentId: _id, extensions, ...rest } = fields;
    const remaining = withoutPersistedQuery(extensions);
    return {
      ...request,
      body: { ...rest, query: document, ...(remaining ? { extensions: remaining } : {}) },
    };
  };
}

/** What a graphql-ws `subscribe` message carries (graphql-ws's SubscribePayload). */
export interface LiveDocumentPayload {
  query: string;
  extensions?: Record<string, unknown> | null | undefined;
}

/**
 * The same rules for graphql-ws subscriptions: a `documentId` (or persisted-query hash) in the
 * message's extensions names a registered document, which replaces the text; in enforce mode any
 * other document is refused. Returns the document to run, or the GraphQL error to report.
 */
export function trustedLiveDocumentResolver(mode: TrustedDocumentsMode, documents: Map<string, string>) {
  return (payload: LiveDocumentPayload): string | GraphQLError => {
    const id = requestedId(payload.extensions ?? {});
    if (id !== undefined) {
      return (
        documents.get(id) ??
        new GraphQLError(`No trusted document with id ${id}`, {
          extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
        })
      );
    }
    if (mode === 'enforce' && !documents.has(sha256(payload.query))) {
      return new GraphQLError('Only registered (trusted) operations are accepted', {
        extensions: { code: 'OPERATION_NOT_TRUSTED' },
      });
    }
    return payload.query;
  };
}
