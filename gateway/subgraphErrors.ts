import type { FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';

/** Statuses a proxy or a draining subgraph answers with when it cannot serve: retry later. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

interface SubgraphErrorBody {
  errors?: { message?: unknown; extensions?: { code?: unknown } }[];
}

function firstCodedError(body: object | string): { message: string; code: string } | undefined {
  if (typeof body !== 'object') return undefined;
  for (const error of (body as SubgraphErrorBody).errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code === 'string' && typeof error.message === 'string')
      return { message: error.message, code };
  }
  return undefined;
}

export function subgraphUnavailable(subgraph: string): GraphQLError {
  return new GraphQLError(`The ${subgraph} service is unavailable; retry later`, {
    extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: subgraph },
  });
}

/**
 * A subgraph's non-2xx answer as the client should see it. A 4xx other than 401/403 is the client's
 * request at fault (a variable that does not coerce, a document the subgraph refuses): its own code
 * and message go through. 401/403 mean the subgraph refused the gateway's signature, which no client
 * caused: no code, so it is logged and masked as INTERNAL_SERVER_ERROR.
 */
export function subgraphHttpError(
  subgraph: string,
  response: FetcherResponse,
  body: object | string,
): GraphQLError {
  if (UNAVAILABLE_STATUSES.has(response.status)) return subgraphUnavailable(subgraph);
  const coded = firstCodedError(body);
  const clientError =
    response.status >= 400 && response.status < 500 && ![401, 403].includes(response.status);
  if (clientError && coded) {
    return new GraphQLError(coded.message, { extensions: { code: coded.code, serviceName: subgraph } });
  }
  return new GraphQLError(`${subgraph} answered ${response.status}: ${response.statusText}`, {
    extensions: { serviceName: subgraph, response: { status: response.status, body } },
  });
}

/**
 * What a failed fetch becomes. No response at all (connection refused or reset, our timeout's
 * abort) is an outage: SERVICE_UNAVAILABLE, and only the fields of this subgraph are null.
 */
export function subgraphFailure(subgraph: string, error: Error, response?: FetcherResponse): Error {
  if (error instanceof GraphQLError || response) return error;
  return subgraphUnavailable(subgraph);
}
