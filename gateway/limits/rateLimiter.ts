/** One limit an operation is counted against: `cost` units out of `limit` per sliding `windowMs`. */
export interface RateBucket {
  key: string;
  limit: number;
  windowMs: number;
  cost: number;
}

export interface BucketState {
  limit: number;
  /** Units left after this operation (or before it, when it was refused). */
  remaining: number;
  /** Until the oldest counted unit leaves the window. */
  resetMs: number;
  /** Refused: until enough units have left the window for this operation's cost. */
  retryAfterMs?: number;
}

/** Either every bucket had room and all were charged, or none was charged. */
export interface RateDecision {
  allowed: boolean;
  buckets: BucketState[];
}

export interface RateLimiter {
  consume(buckets: RateBucket[]): Promise<RateDecision>;
}

/** The state worth showing a client: the refusing bucket, else the one closest to its limit. */
export function tightestBucket(decision: RateDecision): BucketState | undefined {
  const refused = decision.buckets.find((bucket) => bucket.retryAfterMs !== undefined);
  if (refused) return refused;
  return [...decision.buckets].sort((a, b) => a.remaining / a.limit - b.remaining / b.limit)[0];
}
