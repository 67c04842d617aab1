import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface ShapeLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
}

interface Shape {
  depth: number;
  aliases: number;
  directives: number;
}

/**
 * Depth, aliases and directives of one operation with its fragments expanded (a fragment spread ten
 * times is executed ten times). Introspection fields are not counted: they are answered from the
 * schema in the gateway, never by a subgraph, and GraphiQL's own introspection query is deep.
 */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): Shape {
  const shape: Shape = { depth: 0, aliases: 0, directives: operation.directives?.length ?? 0 };
  const walk = (selectionSet: SelectionSetNode, depth: number, expanding: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      shape.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        if (selection.alias) shape.aliases += 1;
        shape.depth = Math.max(shape.depth, depth + 1);
        if (selection.selectionSet) walk(selection.selectionSet, depth + 1, expanding);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, depth, expanding);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        // A cycle is reported by graphql's own NoFragmentCycles rule; here it only must not loop.
        if (!fragment || expanding.has(name)) continue;
        shape.directives += fragment.directives?.length ?? 0;
        walk(fragment.selectionSet, depth, new Set(expanding).add(name));
      }
    }
  };
  walk(operation.selectionSet, 0, new Set());
  return shape;
}

/**
 * A validation rule, so an oversized operation is refused with the other validation errors, before
 * the query planner runs and long before any subgraph is called.
 */
export function operationShapeRule(limits: ShapeLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of context.getDocument().definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      }
      const shape = measureOperation(operation, fragments);
      // Apollo reports validation errors as GRAPHQL_VALIDATION_FAILED; `limit` says which one was hit.
      const report = (limit: keyof Shape, max: number) => {
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
