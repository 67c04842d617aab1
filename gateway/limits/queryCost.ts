import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fragmentsOf } from '../../platform/operationAnalysis';

/** Arguments that bound the size of a list (or of the connection below the field). */
const SIZE_ARGUMENTS = ['first', 'last', 'limit'];

export interface CostOptions {
  /** Assumed length of a list whose size no argument bounds. */
  defaultListSize: number;
}

/** The size the request asks for, else the schema's default for that argument (`first: Int = 20`). */
function sizeArgument(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  variables: Record<string, unknown>,
): number | undefined {
  for (const name of SIZE_ARGUMENTS) {
    const given = field.arguments?.find((argument) => argument.name.value === name);
    const value = given
      ? valueFromASTUntyped(given.value, variables)
      : definition.args.find((argument) => argument.name === name)?.defaultValue;
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.ceil(value));
  }
  return undefined;
}

/**
 * An estimate of the work an operation asks for, before any of it is done: every object a field
 * returns costs 1, scalars cost nothing, and a list multiplies the cost of what is below it by its
 * size: `first`/`last`/`limit` when given (on a connection field, they size its `edges`/`nodes`),
 * otherwise the default list size. Introspection costs nothing (answered by the gateway itself).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  options: CostOptions,
): number {
  const fragments = fragmentsOf(document);
  // A fragment's cost depends only on the list size handed down to it (its type condition fixes its
  // type), so it is computed once per size and reused at every spread: linear, even for fragment bombs.
  const fragmentCosts = new Map<string, number | 'in progress'>();

  function fragmentCost(name: string, inheritedSize: number | undefined): number {
    const key = `${name}\n${inheritedSize ?? ''}`;
    const known = fragmentCosts.get(key);
    // A cycle is reported by graphql's NoFragmentCycles rule; here it only must not loop.
    if (known === 'in progress') return 0;
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    const condition = fragment && schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !condition || !isCompositeType(condition)) return 0;
    fragmentCosts.set(key, 'in progress');
    const cost = selectionCost(fragment.selectionSet, condition, inheritedSize);
    fragmentCosts.set(key, cost);
    return cost;
  }

  function selectionCost(
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
    inheritedSize: number | undefined,
  ): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) cost += fieldCost(selection, parent, inheritedSize);
      else if (selection.kind === Kind.FRAGMENT_SPREAD)
        cost += fragmentCost(selection.name.value, inheritedSize);
      else {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        if (condition && isCompositeType(condition))
          cost += selectionCost(selection.selectionSet, condition, inheritedSize);
      }
    }
    return cost;
  }

  function fieldCost(
    field: FieldNode,
    parent: GraphQLCompositeType,
    inheritedSize: number | undefined,
  ): number {
    if (field.name.value.startsWith('__')) return 0;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const definition = parent.getFields()[field.name.value];
    if (!definition || !field.selectionSet) return 0;
    const returned = getNamedType(definition.type);
    if (!isCompositeType(returned)) return 0;
    const ownSize = sizeArgument(field, definition, variables);
    const isList = isListType(getNullableType(definition.type));
    // A size argument on a non-list field (a connection) sizes the lists right below it.
    const multiplier = isList ? (ownSize ?? inheritedSize ?? options.defaultListSize) : 1;
    const passDown = isList ? undefined : ownSize;
    return multiplier * (1 + selectionCost(field.selectionSet, returned, passDown));
  }

  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return 1;
  return Math.max(1, selectionCost(operation.selectionSet, root, undefined));
}
