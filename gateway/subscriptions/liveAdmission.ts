import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { ClientInfo, Viewer } from '../../platform/auth/viewer';
import { RateLimitedError } from '../../platform/errors';
import { checkOperationInputs } from '../../platform/inputHygiene';
import { operationShapeRule } from '../limits/operationShape';
import { costLimitError } from '../limits/operationBudget';
import { operationCost, type CostOptions } from '../limits/queryCost';
import type { QueryProtectionSettings } from '../limits/queryProtection';
import { tightestBucket, type RateLimiter } from '../limits/rateLimiter';
import { bucketsForOperation, type RateLimitPolicy } from '../limits/rateLimitPolicy';
import type { LiveDocumentPayload } from '../limits/trustedDocuments';

/** A graphql-ws `subscribe` message's payload (graphql-ws's SubscribePayload). */
export interface LiveSubscribePayload extends LiveDocumentPayload {
  operationName?: string | null | undefined;
  variables?: Record<string, unknown> | null | undefined;
}

export interface LiveAdmissionOptions {
  /** The HTTP path's depth, alias, directive and token limits (unset: graphql's own rules only). */
  limits?: QueryProtectionSettings | undefined;
  cost?: (CostOptions & { maxCost: number }) | undefined;
  rateLimits?: { limiter: RateLimiter; policy: RateLimitPolicy } | undefined;
  /** Trusted documents (gateway/limits/trustedDocuments.ts): the document to run, or why not. */
  resolveDocument?: ((payload: LiveDocumentPayload) => string | GraphQLError) | undefined;
}

export interface LiveAdmissionRequest {
  payload: LiveSubscribePayload;
  schema: GraphQLSchema;
  viewer: Viewer;
  client: ClientInfo | null;
}

/** What graphql-ws runs once a subscribe message is admitted (its ExecutionArgs, minus context). */
export interface AdmittedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName: string | null | undefined;
  variableValues: Record<string, unknown> | null | undefined;
}

export type LiveAdmission = (
  request: LiveAdmissionRequest,
) => Promise<AdmittedOperation | readonly GraphQLError[]>;

// Apollo's hideSchemaDetailsFromClientErrors: no hints that leak the schema piece by piece.
const SCHEMA_HINT = / ?Did you mean .+\?$/;

/** A refusal with the code Apollo gives the same failure over HTTP. */
function refusal(error: GraphQLError, code: string, production: boolean): GraphQLError {
  return new GraphQLError(production ? error.message.replace(SCHEMA_HINT, '') : error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

/**
 * The HTTP rules for one graphql-ws subscribe message, in the HTTP order: trusted documents, parsing
 * with the token limit, validation with the shape limits, input hygiene, the cost limit, then the caller's rate
 * limits (each subscribe is one request). A refusal answers that subscription only; the socket and its
 * other subscriptions carry on.
 */
export function createLiveAdmission(options: LiveAdmissionOptions = {}): LiveAdmission {
  const production = options.limits?.production ?? false;
  const rules: ValidationRule[] = options.limits
    ? [...specifiedRules, operationShapeRule(options.limits)]
    : [...specifiedRules];
  const maxTokens = options.limits?.maxTokens;

  return async ({ payload, schema, viewer, client }) => {
    const text = options.resolveDocument ? options.resolveDocument(payload) : payload.query;
    if (text instanceof GraphQLError) return [text];
    let document: DocumentNode;
    try {
      document = parse(text, maxTokens === undefined ? {} : { maxTokens });
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return [refusal(error, 'GRAPHQL_PARSE_FAILED', production)];
    }
    const invalid = validate(schema, document, rules);
    if (invalid.length > 0) {
      return invalid.map((error) => refusal(error, 'GRAPHQL_VALIDATION_FAILED', production));
    }
    const operation = getOperationAST(document, payload.operationName);
    const variables = payload.variables ?? {};
    if (operation) {
      // The same input hygiene as HTTP (control characters, lengths, decimals, DateTimes).
      try {
        checkOperationInputs(schema, document, operation, variables);
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
    }
    if (operation && (options.cost || options.rateLimits)) {
      const cost = options.cost ? operationCost(schema, document, operation, variables, options.cost) : 1;
      if (options.cost && cost > options.cost.maxCost) return [costLimitError(cost, options.cost.maxCost)];
      if (options.rateLimits) {
        const { limiter, policy } = options.rateLimits;
        const decision = await limiter.consume(
          bucketsForOperation(policy, { document, operation, variables, viewer, client, cost }),
        );
        if (!decision.allowed) {
          const retryAfterMs = tightestBucket(decision)?.retryAfterMs ?? 0;
          return [new RateLimitedError(Math.max(1, Math.ceil(retryAfterMs / 1000)))];
        }
      }
    }
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
  };
}
