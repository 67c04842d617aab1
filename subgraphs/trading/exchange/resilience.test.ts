import ccxt from 'ccxt';
import fc from 'fast-check';
import {
  backoffDelay,
  CircuitOpenError,
  createCircuitBreakers,
  isFinalExchangeError,
  withRetries,
} from './resilience';

const fail = (error: Error) => async () => {
  throw error;
};
const ok = async () => 'ok';

describe('exchange error classes', () => {
  it('treats answers as final and transport trouble as retryable', () => {
    expect(isFinalExchangeError(new ccxt.InsufficientFunds('no money'))).toBe(true);
    expect(isFinalExchangeError(new ccxt.InvalidOrder('bad'))).toBe(true);
    expect(isFinalExchangeError(new ccxt.RequestTimeout('slow'))).toBe(false);
    expect(isFinalExchangeError(new ccxt.ExchangeNotAvailable('503'))).toBe(false);
    expect(isFinalExchangeError(new ccxt.DDoSProtection('429'))).toBe(false);
  });
});

describe('circuit breaker', () => {
  it('opens after N consecutive failures, half-opens for one trial after openMs, and closes on success', async () => {
    let now = 0;
    const breakers = createCircuitBreakers({ failureThreshold: 2, openMs: 1_000 }, () => now);
    const down = new ccxt.ExchangeNotAvailable('503');
    await expect(breakers.call('a', fail(down))).rejects.toBe(down);
    expect(breakers.state('a')).toBe('CLOSED');
    await expect(breakers.call('a', fail(down))).rejects.toBe(down);
    expect(breakers.state('a')).toBe('OPEN');
    await expect(breakers.call('a', ok)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(breakers.state('b')).toBe('CLOSED');

    now = 1_000;
    expect(breakers.state('a')).toBe('HALF_OPEN');
    await expect(breakers.call('a', fail(down))).rejects.toBe(down); // the trial fails: open again
    expect(breakers.state('a')).toBe('OPEN');
    now = 2_000;
    await expect(breakers.call('a', ok)).resolves.toBe('ok');
    expect(breakers.state('a')).toBe('CLOSED');
  });

  it('counts a final error as an answer: the exchange is up', async () => {
    const breakers = createCircuitBreakers({ failureThreshold: 1, openMs: 1_000 }, () => 0);
    await expect(breakers.call('a', fail(new ccxt.InsufficientFunds('no')))).rejects.toBeInstanceOf(
      ccxt.InsufficientFunds,
    );
    expect(breakers.state('a')).toBe('CLOSED');
  });
});

describe('retries', () => {
  const policy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 };

  it('retries retryable errors up to the attempt limit, and never a final one', async () => {
    const breakers = createCircuitBreakers({ failureThreshold: 10, openMs: 1_000 });
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls < 3) throw new ccxt.RequestTimeout('slow');
      return calls;
    };
    await expect(withRetries(policy, breakers, 'a', flaky)).resolves.toBe(3);
    calls = 0;
    const refused = async () => {
      calls += 1;
      throw new ccxt.InvalidOrder('bad');
    };
    await expect(withRetries(policy, breakers, 'b', refused)).rejects.toBeInstanceOf(ccxt.InvalidOrder);
    expect(calls).toBe(1);
  });

  it('waits a jittered, exponentially growing, capped delay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (attempt, r) => {
          const delay = backoffDelay({ attempts: 5, baseDelayMs: 100, maxDelayMs: 5_000 }, attempt, () => r);
          return delay >= 0 && delay < Math.min(5_000, 100 * 2 ** attempt);
        },
      ),
    );
  });
});
