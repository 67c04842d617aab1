import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';
import { analyseOperation, type OperationShape } from '../../platform/operationAnalysis';

export interface ShapeLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
}

type LimitedMeasure = keyof Pick<OperationShape, 'depth' | 'aliases' | 'directives'>;

/**
 * A validation rule, so an oversized operation is refused with the other validation errors, before
 * the query planner runs and long before any subgraph is called. The same rule runs for graphql-ws
 * subscribe messages (gateway/subscriptions/liveAdmission.ts). Fragments count at every spread (a
 * fragment spread ten times is executed ten times), measured in linear time (platform/operationAnalysis).
 */
export function operationShapeRule(limits: ShapeLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const shape = analyseOperation(context.getDocument(), operation);
      // Apollo reports validation errors as GRAPHQL_VALIDATION_FAILED; `limit` says which one was hit.
      const report = (limit: LimitedMeasure, max: number) => {
        if (shape[limit] <= max) return;
        context.reportError(
          new GraphQLError(`Operation ${limit} ${shape[limit]} exceeds the maximum of ${max}`, {
            nodes: [operation],
            extensions: { limit, actual: shape[limit], max },
          }),
        );
      };
      report('depth', limits.maxDepth);
      report('aliases', limits.maxAliases);
      report('directives', limits.maxDirectives);
    },
  });
}
