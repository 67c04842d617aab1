import { randomUUID } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { EventBus } from '../../platform/events/envelope';
import { LearningTopics } from '../../platform/events/topics';
import type { Logger } from '../../platform/logger';
import type { GatewayContext } from '../subgraphDataSource';
import {
  createMemoryResponseCacheStore,
  createRedisResponseCacheStore,
  type ResponseCacheStore,
} from './cacheStore';
import { fieldOwnership, isPublicCatalogRead } from './publicCatalog';

export const RESPONSE_CACHE_HEADER = 'x-response-cache';

export interface ResponseCacheOptions {
  supergraphSdl: string;
  /** Where `learning.course.changed` arrives; every gateway node needs it to drop stale entries. */
  bus: EventBus;
  redisUrl?: string | undefined;
  /** A bound on staleness should an event ever be lost; events drop entries long before. */
  ttlMs: number;
  prefix?: string;
  logger: Logger;
}

/**
 * Whole responses to anonymous reads of the public catalog, in Redis, dropped when learning announces
 * a course change. Per-user data is never cached: a request with a viewer skips the cache entirely.
 * Limits and rate limits still apply to cache hits (they run in didResolveOperation, before this).
 */
export function createResponseCache(options: ResponseCacheOptions) {
  const { logger, ttlMs } = options;
  const ownership = fieldOwnership(options.supergraphSdl);
  const store: ResponseCacheStore = options.redisUrl
    ? createRedisResponseCacheStore(options.redisUrl, options.prefix ?? 'ts:gw:rc:')
    : createMemoryResponseCacheStore();
  // Bumped on every invalidation this node sees: a response computed before it is not stored after it.
  let generation = 0;
  let subscription: { stop(): Promise<void> } | undefined;

  async function invalidate(): Promise<void> {
    generation += 1;
    await store.clear();
  }

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart({ contextValue, request }) {
      // Per-user answers are never cached, nor the gateway's own executions (live subscriptions).
      if (contextValue.viewer || !request.http) return;
      let key: string | undefined;
      let generationAtLookup = generation;
      return {
        async responseForOperation({ document, operation, schema, queryHash }) {
          if (!isPublicCatalogRead(ownership, schema, document, operation)) return null;
          key = `${queryHash}:${request.operationName ?? ''}:${JSON.stringify(request.variables ?? {})}`;
          generationAtLookup = generation;
          const cached = await store.get(key).catch((error: unknown) => {
            logger.warn({ err: error }, 'response cache: read failed, executing');
            return null;
          });
          if (cached === null) return null;
          return {
            http: { status: undefined, headers: new HeaderMap([[RESPONSE_CACHE_HEADER, 'hit']]) },
            body: { kind: 'single', singleResult: { data: JSON.parse(cached) as Record<string, unknown> } },
          };
        },
        async willSendResponse({ response }) {
          if (!key || response.http.headers.has(RESPONSE_CACHE_HEADER)) return;
          response.http.headers.set(RESPONSE_CACHE_HEADER, 'miss');
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          if (!result?.data || result.errors?.length || generation !== generationAtLookup) return;
          await store.set(key, JSON.stringify(result.data), ttlMs).catch((error: unknown) => {
            logger.warn({ err: error }, 'response cache: write failed');
          });
        },
      };
    },
  };

  return {
    plugin,
    invalidate,
    async start(): Promise<void> {
      const startedAt = Date.now();
      await options.bus.ensureTopics([LearningTopics.courseChanged]);
      subscription = await options.bus.subscribe({
        // A group of its own per node: every node drops what it might be writing, not just one of them.
        groupId: `gateway-response-cache-${randomUUID()}`,
        topics: [LearningTopics.courseChanged],
        // A new group replays the topic from its start: events older than any entry still alive
        // (one TTL before this node started) cannot concern a cached response, so they are skipped.
        handler: async (event) => {
          if (Date.parse(event.occurredAt) < startedAt - ttlMs) return;
          await invalidate();
        },
      });
    },
    async stop(): Promise<void> {
      await subscription?.stop();
      await store.close();
    },
  };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;
