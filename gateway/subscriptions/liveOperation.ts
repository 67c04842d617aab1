import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  print,
  valueFromASTUntyped,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';

/** The one live field the gateway serves; its events come from the signals fan-out. */
export const SIGNAL_PUBLISHED = 'signalPublished';
/** Variable the derived query takes the event's signal id in (underscore: never a client's name). */
export const LIVE_SIGNAL_ID = '_liveSignalId';

export interface LiveOperation {
  /** The query that resolves one event for this subscription through the supergraph. */
  query: string;
  /** Only the variables that query uses. */
  variables: Record<string, unknown>;
  /** Where the signal sits in the result: the root field's alias or name. */
  responseKey: string;
  /** Upper-cased `symbols` argument; null: every instrument. */
  symbols: Set<string> | null;
}

function usedVariables(nodes: readonly (FieldNode | FragmentDefinitionNode)[]): Set<string> {
  const names = new Set<string>();
  for (const node of nodes) visit(node, { Variable: (variable) => void names.add(variable.name.value) });
  return names;
}

/**
 * Turns `subscription { signalPublished(symbols: [...]) { ...selection } }` into
 * `query ($_liveSignalId: ID!) { signalPublished: signal(id: $_liveSignalId) { ...selection } }`, so the
 * gateway's query planner resolves every field of the payload, whichever subgraph owns it.
 */
export function deriveLiveOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
  variableValues: Record<string, unknown> | null | undefined,
): LiveOperation | GraphQLError {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation || operation.operation !== 'subscription') {
    return new GraphQLError('Only subscription operations are served over WebSocket');
  }
  const [root, ...others] = operation.selectionSet.selections;
  if (!root || others.length > 0 || root.kind !== Kind.FIELD || root.name.value !== SIGNAL_PUBLISHED) {
    return new GraphQLError(`A subscription selects exactly one field: ${SIGNAL_PUBLISHED}`);
  }
  const variables = variableValues ?? {};
  const symbolsArgument = root.arguments?.find((a) => a.name.value === 'symbols');
  const symbols = symbolsArgument ? valueFromASTUntyped(symbolsArgument.value, variables) : null;
  const fragments = document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  const used = usedVariables([{ ...root, arguments: [] }, ...fragments]);
  const responseKey = root.alias?.value ?? root.name.value;
  const query: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        name: operation.name,
        variableDefinitions: [
          {
            kind: Kind.VARIABLE_DEFINITION,
            variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: LIVE_SIGNAL_ID } },
            type: {
              kind: Kind.NON_NULL_TYPE,
              type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } },
            },
          },
          ...(operation.variableDefinitions ?? []).filter((d) => used.has(d.variable.name.value)),
        ],
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [
            {
              kind: Kind.FIELD,
              alias: { kind: Kind.NAME, value: responseKey },
              name: { kind: Kind.NAME, value: 'signal' },
              arguments: [
                {
                  kind: Kind.ARGUMENT,
                  name: { kind: Kind.NAME, value: 'id' },
                  value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: LIVE_SIGNAL_ID } },
                },
              ],
              selectionSet: root.selectionSet,
            },
          ],
        },
      },
      ...fragments,
    ],
  };
  return {
    query: print(query),
    variables: Object.fromEntries(Object.entries(variables).filter(([name]) => used.has(name))),
    responseKey,
    symbols: Array.isArray(symbols)
      ? new Set(symbols.filter((s): s is string => typeof s === 'string').map((s) => s.trim().toUpperCase()))
      : null,
  };
}

/** Subscribers whose operations are equal in all of this share one execution per event. */
export function groupKeyOf(tier: string, operation: LiveOperation): string {
  const symbols = operation.symbols ? [...operation.symbols].sort().join(',') : '*';
  const variables = JSON.stringify(
    Object.entries(operation.variables).sort(([a], [b]) => a.localeCompare(b)),
  );
  return `${tier}\n${symbols}\n${variables}\n${operation.query}`;
}
