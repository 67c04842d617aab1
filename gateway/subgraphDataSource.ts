import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { INTERNAL_HEADERS, signViewerHeaders, type ClientInfo, type Viewer } from '../platform/auth/viewer';
import { CORRELATION_HEADER } from '../platform/logger';
import { createSubgraphFetcher } from './subgraphFetcher';

export interface GatewayContext {
  viewer: Viewer | null;
  correlationId: string;
  /** Peer address and user agent, signed along with the viewer (identity's sessions and lockout). */
  client?: ClientInfo | null;
}

/** Shared by every data source: one client request fetches from several subgraphs. */
const signedByRequest = new WeakMap<object, Record<string, string>>();

/**
 * Every subgraph request carries the correlation id and the viewer in headers the gateway signs;
 * client headers are not forwarded at all, so a forged x-viewer never reaches a subgraph.
 */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly secret: string,
  ) {
    // Not Apollo's default (make-fetch-happen): keep-alive sockets and shared identical reads.
    super({ url, fetcher: createSubgraphFetcher() });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    for (const name of INTERNAL_HEADERS) headers.delete(name);
    // Health checks and schema loads run without a request context.
    const correlationId = 'correlationId' in context ? context.correlationId : 'gateway-internal';
    headers.set(CORRELATION_HEADER, correlationId);
    for (const [name, value] of Object.entries(this.signedHeadersOf(context, correlationId))) {
      headers.set(name, value);
    }
  }

  /**
   * The signed viewer headers, once per client request: its fetches to every subgraph carry the same
   * viewer, client and correlation id, and a timestamp minutes of skew away from expiring.
   */
  private signedHeadersOf(
    context: GraphQLDataSourceProcessOptions<GatewayContext>['context'],
    correlationId: string,
  ): Record<string, string> {
    const known = signedByRequest.get(context);
    if (known) return known;
    const viewer = 'viewer' in context ? context.viewer : null;
    const client = 'client' in context ? (context.client ?? null) : null;
    const signed = signViewerHeaders(viewer, correlationId, this.secret, Date.now(), client);
    signedByRequest.set(context, signed);
    return signed;
  }
}
