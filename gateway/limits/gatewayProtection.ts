import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { ConfigError } from '../../platform/config';
import type { ReadinessCheck } from '../../platform/health';
import type { Logger } from '../../platform/logger';
import type { GatewayConfig } from '../config';
import { createLiveAdmission } from '../subscriptions/liveAdmission';
import { costSettings, liveSocketLimits, queryProtectionSettings, rateLimitPolicy } from './limitsConfig';
import { operationBudget } from './operationBudget';
import { queryProtectionOptions } from './queryProtection';
import { createResilientRateLimiter } from './resilientRateLimiter';
import {
  loadTrustedDocuments,
  trustedDocumentsResolver,
  trustedLiveDocumentResolver,
} from './trustedDocuments';

/** Everything that makes the gateway hard to abuse, assembled from its config for gateway/server.ts. */
export function createGatewayProtection(config: GatewayConfig, logger: Logger) {
  if (config.TRUSTED_DOCUMENTS === 'enforce' && !config.TRUSTED_DOCUMENTS_MANIFEST) {
    throw new ConfigError('TRUSTED_DOCUMENTS=enforce needs TRUSTED_DOCUMENTS_MANIFEST');
  }
  const documents = config.TRUSTED_DOCUMENTS_MANIFEST
    ? loadTrustedDocuments(config.TRUSTED_DOCUMENTS_MANIFEST)
    : undefined;
  const limiter =
    config.RATE_LIMITS === 'on'
      ? createResilientRateLimiter(config.REDIS_URL, logger, config.RATE_LIMIT_PREFIX)
      : undefined;
  const readiness: Record<string, ReadinessCheck> = {};
  if (limiter?.kind === 'redis') {
    readiness.rateLimiter = async () => ((await limiter.health()) === 'up' ? true : 'degraded');
  }

  const limits = queryProtectionSettings(config);
  const cost = costSettings(config);
  const rateLimits = limiter ? { limiter, policy: rateLimitPolicy(config) } : undefined;

  return {
    apolloOptions: queryProtectionOptions(limits),
    plugin: operationBudget({ ...cost, rateLimits }),
    prepareRequest: documents ? trustedDocumentsResolver(config.TRUSTED_DOCUMENTS, documents) : undefined,
    /** graphql-ws: the same limits, trusted documents and rate limits per subscribe, and socket limits. */
    live: {
      admit: createLiveAdmission({
        limits,
        cost,
        rateLimits,
        resolveDocument: documents
          ? trustedLiveDocumentResolver(config.TRUSTED_DOCUMENTS, documents)
          : undefined,
      }),
      socketLimits: liveSocketLimits(config),
    },
    /** For /readyz: `rateLimiter: degraded` while limits are per process; still ready (see README). */
    readiness,
    /** Each subgraph call of a plan gets the request timeout, so a stuck subgraph cannot hold a request. */
    boundSubgraphCalls<S extends RemoteGraphQLDataSource>(source: S): S {
      const fetcher = source.fetcher;
      source.fetcher = (url, init) =>
        fetcher(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(config.REQUEST_TIMEOUT_MS) });
      return source;
    },
    async close(): Promise<void> {
      await limiter?.close();
    },
  };
}
