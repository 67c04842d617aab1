import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from './logger';

/**
 * One log line per operation with the correlation id the gateway assigned (or the client sent), so
 * `grep <id>` finds the gateway line and the line of every subgraph the plan touched.
 */
export function requestLogging<C extends { correlationId: string }>(logger: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue, request }) {
      const started = performance.now();
      return {
        async willSendResponse({ errors }) {
          logger.info(
            {
              correlationId: contextValue.correlationId,
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
