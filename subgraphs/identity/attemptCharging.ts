import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { analyseOperation } from '../../platform/operationAnalysis';
import type { IdentityContext } from './context';
import { recordSecurityEventNow } from './services/audit';
import type { Lockout } from './services/lockout';

/** Fields that try a credential: each alias of them is one attempt. */
const CREDENTIAL_FIELDS = new Set(['login', 'completeTwoFactorLogin']);

/**
 * GraphQL runs aliased mutation fields one by one and stops at the first error of a non-null field,
 * so a hundred aliased logins would otherwise cost an attacker one counted failure. Before execution,
 * every credential field after the first is charged as a failed attempt against its account and the
 * client IP; a legitimate client never sends two. The first one then runs (and counts) as usual.
 */
export function chargeBatchedAttempts(
  schema: GraphQLSchema,
  lockout: Lockout,
  accountOfChallenge: (challenge: string) => Promise<string | null>,
): ApolloServerPlugin<IdentityContext> {
  const mutationType = schema.getMutationType();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, contextValue }) {
          if (operation?.operation !== 'mutation' || !mutationType) return;
          const attempts = analyseOperation(document, operation).rootFields.filter((field) =>
            CREDENTIAL_FIELDS.has(field.name.value),
          );
          const ip = contextValue.client?.ip ?? null;
          for (const field of attempts.slice(1)) {
            const definition = mutationType.getFields()[field.name.value];
            if (!definition) continue;
            let account: string | null = null;
            try {
              const args = getArgumentValues(definition, field, request.variables ?? {});
              const input = args.input as { email?: unknown } | undefined;
              if (typeof input?.email === 'string') account = input.email.trim().toLowerCase().slice(0, 254);
              if (typeof args.challenge === 'string') account = await accountOfChallenge(args.challenge);
            } catch {
              // Invalid arguments fail validation anyway; the IP still pays for the attempt.
            }
            const outcome = await lockout.recordFailure(account ?? `unknown:${ip ?? 'none'}`, ip);
            if (outcome.locked) {
              await recordSecurityEventNow(contextValue.prisma, {
                type: outcome.locked.scope === 'ip' ? 'IP_LOCKED' : 'ACCOUNT_LOCKED',
                userId: null,
                client: contextValue.client,
                details: { scope: outcome.locked.scope, seconds: outcome.locked.seconds, batched: true },
                correlationId: contextValue.correlationId,
              });
            }
          }
        },
      };
    },
  };
}
