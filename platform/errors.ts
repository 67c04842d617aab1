import { GraphQLError } from 'graphql';

/** Stable `extensions.code` values: clients switch on these, so they never change meaning. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYMENT_REQUIRED: 'PAYMENT_REQUIRED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type ErrorDetails = Record<string, unknown>;

export abstract class DomainError extends GraphQLError {
  abstract readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode, details: ErrorDetails = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = ErrorCode.UNAUTHENTICATED;
  constructor(message = 'Authentication required', details?: ErrorDetails) {
    super(message, ErrorCode.UNAUTHENTICATED, details);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = ErrorCode.FORBIDDEN;
  constructor(message = 'Not allowed', details?: ErrorDetails) {
    super(message, ErrorCode.FORBIDDEN, details);
  }
}

export class NotFoundError extends DomainError {
  readonly code = ErrorCode.NOT_FOUND;
  constructor(entity: string, id?: string) {
    super(id ? `${entity} ${id} not found` : `${entity} not found`, ErrorCode.NOT_FOUND, { entity });
  }
}

/** `field` names the input path at fault, so forms can put the message next to it. */
export class BadUserInputError extends DomainError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(message: string, field?: string, details?: ErrorDetails) {
    super(message, ErrorCode.BAD_USER_INPUT, { ...(field ? { field } : {}), ...details });
  }
}

export class ConflictError extends DomainError {
  readonly code = ErrorCode.CONFLICT;
  constructor(message: string, details?: ErrorDetails) {
    super(message, ErrorCode.CONFLICT, details);
  }
}

export class RateLimitedError extends DomainError {
  readonly code = ErrorCode.RATE_LIMITED;
  constructor(retryAfterSeconds: number) {
    super('Rate limit exceeded', ErrorCode.RATE_LIMITED, { retryAfterSeconds });
  }
}

export class PaymentRequiredError extends DomainError {
  readonly code = ErrorCode.PAYMENT_REQUIRED;
  constructor(message = 'A higher subscription tier is required', details?: ErrorDetails) {
    super(message, ErrorCode.PAYMENT_REQUIRED, details);
  }
}

interface PrismaKnownError {
  code: string;
  meta?: Record<string, unknown>;
}

function isPrismaKnownError(error: unknown): error is PrismaKnownError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'PrismaClientKnownRequestError' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/**
 * Maps Prisma's known request errors at the service boundary; anything else is rethrown unchanged
 * and masked as INTERNAL_SERVER_ERROR by the server's error formatter.
 */
export function mapPrismaError(error: unknown, entity: string): never {
  if (isPrismaKnownError(error)) {
    if (error.code === 'P2002') throw new ConflictError(`${entity} already exists`, { entity });
    if (error.code === 'P2025') throw new NotFoundError(entity);
  }
  throw error;
}
