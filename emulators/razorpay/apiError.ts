/** Razorpay's error body: `{ error: { code, description, source, step, reason, metadata, field } }`. */
export class RazorpayApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly field?: string,
    readonly code = status === 401
      ? 'BAD_REQUEST_ERROR'
      : status >= 500
        ? 'SERVER_ERROR'
        : 'BAD_REQUEST_ERROR',
  ) {
    super(description);
  }

  body() {
    return {
      error: {
        code: this.code,
        description: this.description,
        source: 'business',
        step: 'payment_initiation',
        reason: this.status === 400 ? 'input_validation_failed' : 'NA',
        metadata: {},
        ...(this.field ? { field: this.field } : {}),
      },
    };
  }
}

/** Razorpay answers an unknown id with 400, not 404. */
export const notFound = () => new RazorpayApiError(400, 'The id provided does not exist');
