import type { GraphQLError } from 'graphql';
import {
  execute,
  Kind,
  OperationTypeNode,
  print,
  valueFromASTUntyped,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { BadUserInputError } from '../../platform/errors';
import { fragmentsOf } from '../../platform/operationAnalysis';
import { liveFields, type EntityQuery, type LiveEvent, type LiveFieldSpec } from './liveFields';

/** Variable the derived query takes the event's entity id in (underscore: never a client's name). */
export const LIVE_ENTITY_ID = '_liveId';

export interface LiveOperation {
  /** The subscription field (a key of `liveFields`) and how it is served. */
  field: string;
  spec: LiveFieldSpec;
  /** The query that resolves one event through the supergraph; null: `local` builds the payload. */
  query: string | null;
  /** Only the variables that query uses. */
  variables: Record<string, unknown>;
  /** Where the entity sits in the result: the root field's alias or name. */
  responseKey: string;
  /** Upper-cased `symbols`/`instruments` argument (or the same in `filter`); null: every instrument. */
  symbols: Set<string> | null;
  /** `id`/`ids` argument (or `filter.ids`): only these entities; null: all. */
  ids: Set<string> | null;
  /** The root field's arguments, normalised: part of the sharing key. */
  argumentsKey: string;
  /** What the payload depends on besides arguments and variables (the query or the local selection). */
  selectionKey: string;
  /** For selections of the event's own scalars: the payload without a supergraph round trip. */
  local: ((event: LiveEvent) => ExecutionResult) | null;
}

function usedVariables(nodes: readonly (FieldNode | FragmentDefinitionNode)[]): Set<string> {
  const names = new Set<string>();
  for (const node of nodes) visit(node, { Variable: (variable) => void names.add(variable.name.value) });
  return names;
}

const stringSet = (value: unknown, normalise: (s: string) => string): Set<string> | null => {
  const list = typeof value === 'string' ? [value] : value;
  return Array.isArray(list)
    ? new Set(list.filter((s): s is string => typeof s === 'string').map(normalise))
    : null;
};

/**
 * Whether a selection reads only these top-level scalars (through fragments too). Each fragment is
 * judged once, however often it is spread, so a fragment bomb costs linear time here as well.
 */
function readsOnly(allowed: readonly string[], fragments: ReadonlyMap<string, FragmentDefinitionNode>) {
  const verdicts = new Map<string, boolean>();
  const fragmentReadsOnly = (name: string): boolean => {
    const known = verdicts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    // A cycle (refused by validation anyway) is judged false rather than looping.
    verdicts.set(name, false);
    const verdict = !!fragment && selectionReadsOnly(fragment.selectionSet);
    verdicts.set(name, verdict);
    return verdict;
  };
  const selectionReadsOnly = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        return !selection.selectionSet && (name === '__typename' || allowed.includes(name));
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return selectionReadsOnly(selection.selectionSet);
      return fragmentReadsOnly(selection.name.value);
    });
  return selectionReadsOnly;
}

function entityQuery(
  operation: OperationDefinitionNode,
  root: FieldNode,
  entity: EntityQuery,
  fragments: FragmentDefinitionNode[],
  used: Set<string>,
): string {
  const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
  const idVariable = { kind: Kind.VARIABLE, name: name(LIVE_ENTITY_ID) } as const;
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
            variable: idVariable,
            type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: name(entity.type) } },
          },
          ...(operation.variableDefinitions ?? []).filter((d) => used.has(d.variable.name.value)),
        ],
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [
            {
              kind: Kind.FIELD,
              alias: name(root.alias?.value ?? root.name.value),
              name: name(entity.field),
              arguments: [{ kind: Kind.ARGUMENT, name: name(entity.argument), value: idVariable }],
              selectionSet: root.selectionSet,
            },
          ],
        },
      },
      ...fragments,
    ],
  };
  return print(query);
}

/**
 * Turns `subscription { signalPublished(symbols: [...]) { ...selection } }` into
 * `query ($_liveId: ID!) { signalPublished: signal(id: $_liveId) { ...selection } }` (the field's
 * `query` in liveFields.ts), so the gateway's query planner resolves every field of the payload,
 * whichever subgraph owns it. A selection of only the event's own scalars is answered from the event.
 */
export function deriveLiveOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
  variableValues: Record<string, unknown> | null | undefined,
  schema?: GraphQLSchema,
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
    return new BadUserInputError('Only subscription operations are served over WebSocket');
  }
  const [root, ...others] = operation.selectionSet.selections;
  const spec = root?.kind === Kind.FIELD ? liveFields[root.name.value] : undefined;
  if (!root || others.length > 0 || root.kind !== Kind.FIELD || !spec || !root.selectionSet) {
    return new BadUserInputError(
      `A subscription selects exactly one of: ${Object.keys(liveFields).join(', ')}`,
    );
  }
  const variables = variableValues ?? {};
  const args = Object.fromEntries(
    (root.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables)]),
  ) as Record<string, unknown>;
  // Filters are read where the schemas put them: top-level arguments or a `filter` input.
  const filter = (typeof args.filter === 'object' && args.filter ? args.filter : {}) as Record<
    string,
    unknown
  >;
  const fragmentList = document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  const fragments = fragmentsOf(document);
  const responseKey = root.alias?.value ?? root.name.value;
  const used = usedVariables([{ ...root, arguments: [] }, ...fragmentList]);
  const isLocal = !!spec.eventFields && !!schema && readsOnly(spec.eventFields, fragments)(root.selectionSet);
  if (!isLocal && !spec.query) {
    return new BadUserInputError(
      `${root.name.value} selects only the event's own fields: ${spec.eventFields?.join(', ')}`,
    );
  }
  const local =
    isLocal && schema
      ? (event: LiveEvent) =>
          // Synchronous: default resolvers read the event's own properties.
          execute({
            schema,
            document: { kind: Kind.DOCUMENT, definitions: [operation, ...fragmentList] },
            rootValue: { [root.name.value]: event },
            variableValues: variables,
          }) as ExecutionResult
      : null;
  const symbolsArgument = args.symbols ?? args.instruments ?? filter.symbols ?? filter.instruments;
  const idsArgument = args.id ?? args.ids ?? filter.ids;
  const query = local || !spec.query ? null : entityQuery(operation, root, spec.query, fragmentList, used);
  return {
    field: root.name.value,
    spec,
    query,
    variables: Object.fromEntries(Object.entries(variables).filter(([name]) => used.has(name))),
    responseKey,
    symbols: stringSet(symbolsArgument, (s) => s.trim().toUpperCase()),
    ids: stringSet(idsArgument, (s) => s),
    argumentsKey: JSON.stringify(args, (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
        : value,
    ),
    selectionKey: query ?? [root, ...fragmentList].map((node) => print(node)).join('\n'),
    local,
  };
}

/** Subscribers whose operations are equal in all of this share one execution per event. */
export function groupKeyOf(audience: string, operation: LiveOperation): string {
  const variables = JSON.stringify(
    Object.entries(operation.variables).sort(([a], [b]) => a.localeCompare(b)),
  );
  return `${audience}\n${operation.field}\n${operation.argumentsKey}\n${variables}\n${operation.selectionKey}`;
}
