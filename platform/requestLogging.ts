import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Logger } from './logger';

/** Errors that are not deliberate, coded ones: masked for the client, logged in full here. */
const isUnexpected = (error: GraphQLError) => {
  const code = error.extensions?.code;
  return !code || code === 'INTERNAL_SERVER_ERROR';
};

/**
 * One log line per operation with the correlation id the gateway assigned (or the client sent), so
 * `grep <id>` finds the gateway line and the line of every subgraph the plan touched; an unexpected
 * error gets a line of its own with the same id (the id is what the client quotes).
 */
export function requestLogging<C extends { correlationId: string }>(logger: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue, request }) {
      const started = performance.now();
      const correlationId = contextValue.correlationId;
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors.filter(isUnexpected)) {
            logger.error(
              { correlationId, err: error.originalError ?? error, path: error.path },
              'unexpected resolver error',
            );
          }
        },
        async willSendResponse({ errors }) {
          logger.info(
            {
              correlationId,
              operationName: request.operationName ?? null,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              errorCodes: errors?.map((error) => error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
