import { signedSubgraphHeaders } from '../../platform/auth/gatewaySignature';
import type { ClientInfo, Viewer } from '../../platform/auth/viewer';
import { testGatewaySecret } from './env';

/**
 * The headers the gateway would send with `postGraphQL(url, query, variables)` to `subgraph`: the
 * signature covers that exact body (postGraphQL's JSON.stringify({ query, variables })), path and
 * subgraph, and is good for one use.
 */
export function signedSubgraphRequest(
  url: string,
  subgraph: string,
  query: string,
  variables: Record<string, unknown>,
  who: { viewer: Viewer | null; client?: ClientInfo | null; correlationId: string },
  secret = testGatewaySecret,
): Record<string, string> {
  const target = new URL(url);
  return signedSubgraphHeaders(
    secret,
    {
      method: 'POST',
      subgraph,
      path: `${target.pathname}${target.search}`,
      body: JSON.stringify({ query, variables }),
    },
    who,
  );
}
