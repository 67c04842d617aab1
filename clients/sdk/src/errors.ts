/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** The stable `extensions.code` values the gateway and subgraphs send (others may appear). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'PAYMENT_REQUIRED'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'OPERATION_NOT_TRUSTED'
  | 'INTERNAL_SERVER_ERROR'
  | (string & {});

/**
 * An operation the API answered with errors. `code` is the first error's `extensions.code`, so callers
 * branch on it (`if (error.code === 'FORBIDDEN')`); `data` keeps whatever partial result came back.
 */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  readonly code: ErrorCode;

  constructor(
    readonly errors: readonly GraphQLErrorEntry[],
    readonly operationName: string | undefined,
    /** HTTP status; undefined over WebSocket. */
    readonly status: number | undefined,
    readonly data?: unknown,
  ) {
    super(`${operationName ?? 'operation'}: ${errors.map((error) => error.message).join('; ')}`);
    this.code = errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  }

  /** Whether any of the errors carries this code. */
  has(code: ErrorCode): boolean {
    return this.errors.some((error) => error.extensions?.code === code);
  }
}

/** The request never produced a GraphQL response (network down, timeout, a non-JSON body). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';

  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isGraphQLRequestError = (error: unknown, code?: ErrorCode): error is GraphQLRequestError =>
  error instanceof GraphQLRequestError && (code === undefined || error.has(code));
