import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { RateLimitedError } from '../../platform/errors';
import type { GatewayContext } from '../subgraphDataSource';
import { operationCost, type CostOptions } from './queryCost';
import { tightestBucket, type RateDecision, type RateLimiter } from './rateLimiter';
import { bucketsForOperation, tierBucket, type RateLimitPolicy } from './rateLimitPolicy';

export interface OperationBudgetOptions extends CostOptions {
  maxCost: number;
  /** Unset: no rate limits (the test stack's default; `npm start` and deployments set them). */
  rateLimits?: { limiter: RateLimiter; policy: RateLimitPolicy } | undefined;
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

function rateLimitHeaders(decision: RateDecision): [string, string][] {
  const shown = tightestBucket(decision);
  if (!shown) return [];
  const headers: [string, string][] = [
    ['ratelimit-limit', String(shown.limit)],
    ['ratelimit-remaining', String(shown.remaining)],
    ['ratelimit-reset', String(seconds(shown.resetMs))],
  ];
  if (shown.retryAfterMs !== undefined)
    headers.push(['retry-after', String(Math.max(1, seconds(shown.retryAfterMs)))]);
  return headers;
}

function rateLimited(decision: RateDecision): GraphQLError {
  const retryAfterMs = tightestBucket(decision)?.retryAfterMs ?? 0;
  const error = new RateLimitedError(Math.max(1, seconds(retryAfterMs)));
  // Apollo takes the HTTP status and headers from here and strips `http` from the response.
  error.extensions.http = { status: 429, headers: new HeaderMap(rateLimitHeaders(decision)) };
  return error;
}

/** The refusal of an operation over the cost limit, over HTTP and graphql-ws alike. */
export function costLimitError(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(`Operation cost ${cost} exceeds the maximum of ${maxCost}`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost },
  });
}

/**
 * What an operation may spend, decided after validation and before the query planner calls any
 * subgraph: its estimated cost against the cost limit, then against the caller's rate limits.
 */
export function operationBudget(options: OperationBudgetOptions): ApolloServerPlugin<GatewayContext> {
  const { rateLimits } = options;
  return {
    async requestDidStart({ request, contextValue }) {
      // Executions without HTTP are the gateway's own (live subscription events), not client requests.
      const countsAgainstLimits = rateLimits !== undefined && request.http !== undefined;
      let decision: RateDecision | undefined;
      return {
        async didResolveOperation({ document, operation, schema }) {
          // Apollo has already refused a document without the requested operation.
          if (!operation) return;
          const variables = request.variables ?? {};
          const cost = operationCost(schema, document, operation, variables, options);
          if (cost > options.maxCost) {
            const error = costLimitError(cost, options.maxCost);
            error.extensions.http = { status: 400 };
            throw error;
          }
          if (!countsAgainstLimits) return;
          const { viewer, client } = contextValue;
          decision = await rateLimits.limiter.consume(
            bucketsForOperation(rateLimits.policy, { document, operation, variables, viewer, client, cost }),
          );
          if (!decision.allowed) throw rateLimited(decision);
        },
        async willSendResponse({ response }) {
          if (!countsAgainstLimits) return;
          if (!decision) {
            // Refused before an operation was resolved (syntax, validation, cost): still one request.
            decision = await rateLimits.limiter.consume([
              tierBucket(rateLimits.policy, contextValue.viewer, contextValue.client),
            ]);
            if (!decision.allowed) {
              const error = rateLimited(decision);
              response.http.status = 429;
              response.body = {
                kind: 'single',
                singleResult: {
                  errors: [
                    {
                      message: error.message,
                      extensions: {
                        code: error.extensions.code,
                        retryAfterSeconds: error.extensions.retryAfterSeconds,
                      },
                    },
                  ],
                },
              };
            }
          }
          for (const [name, value] of rateLimitHeaders(decision)) response.http.headers.set(name, value);
        },
      };
    },
  };
}
