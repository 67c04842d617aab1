import { HttpRefusal } from '../graphqlHttp';
import { createRedisKeyValueStore, type KeyValueStore } from '../keyValueStore';
import { MAX_GATEWAY_SIGNATURE_WINDOW_MS } from './gatewaySignature';

/**
 * Each gateway nonce is accepted once per subgraph. With REDIS_URL every replica of every subgraph
 * shares the record (SET NX PX); without it (`npm start`, one process) a bounded in-process map.
 */
export interface GatewayReplayGuard {
  readonly kind: 'redis' | 'in-process';
  /** How far a signature's timestamp may be from now (at most 30 s). */
  readonly windowMs: number;
  /** True the first time this nonce is presented to this subgraph, false on every later time. */
  claim(subgraph: string, nonce: string, expiresAt: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface GatewayReplayGuardOptions {
  redisUrl?: string | undefined;
  windowMs?: number;
  /** In-process only: nonces remembered at once. */
  maxEntries?: number;
  now?: () => number;
}

/** About 3,000 signed requests a second for 30 s: far beyond one `npm start` process. */
const DEFAULT_MAX_ENTRIES = 100_000;

function inProcessClaims(maxEntries: number, now: () => number) {
  // Insertion order is expiry order, give or take the clock skew the window allows, so expired
  // entries are dropped from the front.
  const seen = new Map<string, number>();
  return async (key: string, expiresAt: number): Promise<boolean> => {
    const at = now();
    const known = seen.get(key);
    if (known !== undefined && known > at) return false;
    for (const [oldest, until] of seen) {
      if (until > at && seen.size < maxEntries) break;
      if (until > at) {
        // Full of live nonces: forgetting one would let it be replayed, so refuse (retryable) instead.
        throw new HttpRefusal(503, 'SERVICE_UNAVAILABLE', 'Too many requests in the replay window');
      }
      seen.delete(oldest);
    }
    seen.delete(key);
    seen.set(key, expiresAt);
    return true;
  };
}

export function createGatewayReplayGuard(options: GatewayReplayGuardOptions = {}): GatewayReplayGuard {
  const windowMs = Math.min(
    options.windowMs ?? MAX_GATEWAY_SIGNATURE_WINDOW_MS,
    MAX_GATEWAY_SIGNATURE_WINDOW_MS,
  );
  const now = options.now ?? Date.now;
  if (options.redisUrl) {
    const store: KeyValueStore = createRedisKeyValueStore(options.redisUrl, 'ts:gw-nonce:');
    return {
      kind: 'redis',
      windowMs,
      claim: (subgraph, nonce, expiresAt) =>
        store.setIfAbsent(`${subgraph}:${nonce}`, '1', Math.max(1, expiresAt - now())),
      close: () => store.close(),
    };
  }
  const claim = inProcessClaims(options.maxEntries ?? DEFAULT_MAX_ENTRIES, now);
  return {
    kind: 'in-process',
    windowMs,
    claim: (subgraph, nonce, expiresAt) => claim(`${subgraph}:${nonce}`, expiresAt),
    async close() {},
  };
}
