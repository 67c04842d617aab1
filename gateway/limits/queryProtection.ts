import type { ApolloServerOptions } from '@apollo/server';
import type { GatewayContext } from '../subgraphDataSource';
import { operationShapeRule, type ShapeLimits } from './operationShape';

export interface QueryProtectionSettings extends ShapeLimits {
  maxTokens: number;
  /** Production: no introspection, and no "did you mean" hints that leak the schema piece by piece. */
  production: boolean;
}

/** Apollo Server options that refuse abusive documents while parsing and validating. */
export function queryProtectionOptions(settings: QueryProtectionSettings) {
  return {
    introspection: !settings.production,
    hideSchemaDetailsFromClientErrors: settings.production,
    // The parser stops at the limit, so a huge document costs no more than a big one to refuse.
    parseOptions: { maxTokens: settings.maxTokens },
    validationRules: [operationShapeRule(settings)],
    csrfPrevention: true,
    // A JSON array of operations would multiply every per-request limit above.
    allowBatchedHttpRequests: false,
  } satisfies Partial<ApolloServerOptions<GatewayContext>>;
}
