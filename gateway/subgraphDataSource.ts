import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import type { GraphQLError } from 'graphql';
import { INTERNAL_HEADERS, viewerHeaders, type ClientInfo, type Viewer } from '../platform/auth/viewer';
import { CORRELATION_HEADER } from '../platform/logger';
import { subgraphFailure, subgraphHttpError } from './subgraphErrors';
import { createSubgraphFetcher, type SubgraphFetchObserver } from './subgraphFetcher';

export interface GatewayContext {
  viewer: Viewer | null;
  correlationId: string;
  /** Peer address and user agent, signed along with the viewer (identity's sessions and lockout). */
  client?: ClientInfo | null;
}

/** Shared by every data source: one client request fetches from several subgraphs. */
const encodedByRequest = new WeakMap<object, Record<string, string>>();

/**
 * Every subgraph request carries the correlation id and the viewer in headers the gateway signs;
 * client headers are not forwarded at all, so a forged x-viewer never reaches a subgraph. The
 * signature itself (method, subgraph, path, body hash, nonce, timestamp) is made per fetch, by the
 * fetcher, over the exact bytes it sends.
 */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    secret: string,
    private readonly subgraph: string,
    observe?: SubgraphFetchObserver,
  ) {
    // Not Apollo's default (make-fetch-happen): keep-alive sockets, shared identical reads, signing.
    super({ url, fetcher: createSubgraphFetcher({ secret, subgraph }, observe) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    for (const name of INTERNAL_HEADERS) headers.delete(name);
    // Health checks and schema loads run without a request context.
    const correlationId = 'correlationId' in context ? context.correlationId : 'gateway-internal';
    headers.set(CORRELATION_HEADER, correlationId);
    for (const [name, value] of Object.entries(this.encodedHeadersOf(context))) headers.set(name, value);
  }

  /** The viewer and client encoded once per client request: all its fetches carry the same ones. */
  private encodedHeadersOf(
    context: GraphQLDataSourceProcessOptions<GatewayContext>['context'],
  ): Record<string, string> {
    const known = encodedByRequest.get(context);
    if (known) return known;
    const viewer = 'viewer' in context ? context.viewer : null;
    const client = 'client' in context ? (context.client ?? null) : null;
    const encoded = viewerHeaders(viewer, client);
    encodedByRequest.set(context, encoded);
    return encoded;
  }

  /** A subgraph's 4xx keeps the code it answered with (BAD_USER_INPUT...), never INTERNAL_SERVER_ERROR. */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    return subgraphHttpError(this.subgraph, response, await this.parseBody(response));
  }

  /** Down, refusing connections or timing out: SERVICE_UNAVAILABLE for this subgraph's fields only. */
  override didEncounterError(error: Error, _request: unknown, response?: FetcherResponse): void {
    throw subgraphFailure(this.subgraph, error, response);
  }
}
