import { createHash } from 'node:crypto';
import { BadUserInputError, ConflictError } from '../../../platform/errors';

const keyPattern = /^[A-Za-z0-9_.:-]{8,100}$/;

export function assertIdempotencyKey(key: string): void {
  if (!keyPattern.test(key)) {
    throw new BadUserInputError('idempotencyKey must be 8 to 100 letters, digits or _.:-', 'idempotencyKey');
  }
}

/** A stable fingerprint of a mutation's input, stored with its idempotency key. */
export function requestHash(input: Record<string, string | null>): string {
  const canonical = JSON.stringify(
    Object.keys(input)
      .sort()
      .map((key) => [key, input[key]]),
  );
  return createHash('sha256').update(canonical).digest('hex');
}

/** A replay returns the first result; the same key with other input is refused. */
export function assertSameRequest(storedHash: string | null, hash: string): void {
  if (storedHash !== hash) {
    throw new ConflictError('This idempotency key was already used with different input', {
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
  }
}
