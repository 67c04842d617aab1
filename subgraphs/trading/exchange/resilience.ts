import ccxt from 'ccxt';

/**
 * How an exchange error is treated. `final`: the exchange answered and said no (insufficient balance,
 * invalid order, bad key): retrying cannot help, the order is REJECTED with the reason. `retryable`:
 * the exchange did not answer properly (network, timeout, 5xx, rate limit 429/418): try again, later.
 * CCXT's own error classes decide; anything unknown counts as retryable, since a retry guarded by the
 * clientOrderId look-up cannot double an order.
 */
export function isFinalExchangeError(error: unknown): boolean {
  return error instanceof ccxt.ExchangeError;
}

export class CircuitOpenError extends Error {
  constructor(readonly key: string) {
    super(`Exchange circuit for ${key} is open: calls are refused until it half-opens`);
  }
}

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface BreakerPolicy {
  /** Consecutive failed calls that open the circuit. */
  failureThreshold: number;
  /** How long it stays open before one trial call (half-open) is let through. */
  openMs: number;
}

type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/**
 * A circuit breaker per key (an exchange account): after `failureThreshold` consecutive retryable
 * failures it opens and refuses calls at once; after `openMs` it lets one trial call through
 * (half-open): success closes it, failure opens it again. Final errors are answers, so they count as
 * success: the exchange is up.
 */
export function createCircuitBreakers(policy: BreakerPolicy, now: () => number = Date.now) {
  const circuits = new Map<
    string,
    { state: BreakerState; failures: number; openedAt: number; trial: boolean }
  >();
  const circuitOf = (key: string) => {
    let circuit = circuits.get(key);
    if (!circuit) circuits.set(key, (circuit = { state: 'CLOSED', failures: 0, openedAt: 0, trial: false }));
    return circuit;
  };
  return {
    state(key: string): BreakerState {
      const circuit = circuitOf(key);
      if (circuit.state === 'OPEN' && now() - circuit.openedAt >= policy.openMs) return 'HALF_OPEN';
      return circuit.state;
    },
    async call<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const circuit = circuitOf(key);
      if (circuit.state === 'OPEN') {
        if (now() - circuit.openedAt < policy.openMs || circuit.trial) throw new CircuitOpenError(key);
        circuit.state = 'HALF_OPEN';
      }
      if (circuit.state === 'HALF_OPEN') {
        if (circuit.trial) throw new CircuitOpenError(key);
        circuit.trial = true;
      }
      try {
        const result = await fn();
        Object.assign(circuit, { state: 'CLOSED', failures: 0, trial: false });
        return result;
      } catch (error) {
        if (isFinalExchangeError(error)) {
          Object.assign(circuit, { state: 'CLOSED', failures: 0, trial: false });
        } else {
          circuit.failures += 1;
          circuit.trial = false;
          if (circuit.state === 'HALF_OPEN' || circuit.failures >= policy.failureThreshold) {
            Object.assign(circuit, { state: 'OPEN', openedAt: now() });
          }
        }
        throw error;
      }
    },
  };
}

export type CircuitBreakers = ReturnType<typeof createCircuitBreakers>;

/** Exponential backoff with full jitter: a random wait in [0, min(max, base·2^attempt)). */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random) {
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

/**
 * Runs `fn` through the key's breaker, retrying retryable failures with backoff. A final error or an
 * open circuit ends it at once (retrying against an open circuit would only wait to fail).
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  breakers: CircuitBreakers,
  key: string,
  fn: (attempt: number) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await breakers.call(key, () => fn(attempt));
    } catch (error) {
      const last = attempt + 1 >= policy.attempts;
      if (last || isFinalExchangeError(error) || error instanceof CircuitOpenError) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(policy, attempt)));
    }
  }
}
