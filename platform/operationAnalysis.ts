import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** What one operation asks for, its fragments expanded as execution would run them. */
export interface OperationShape {
  /** Deepest chain of fields (introspection fields not counted). */
  depth: number;
  /** Aliased fields, each spread of a fragment counting its aliases again. */
  aliases: number;
  /** Directives on the operation, its selections and each spread fragment's definition. */
  directives: number;
  /** Lexical tokens of the whole document (0 when it was parsed without locations). */
  tokens: number;
  /** The root fields graphql-js executes: a fragment spread twice at one level runs once. */
  rootFields: readonly FieldNode[];
}

/** Depth, aliases and directives of a selection set, relative to where it is spread. */
interface Summary {
  depth: number;
  aliases: number;
  directives: number;
}

const EMPTY: Summary = { depth: 0, aliases: 0, directives: 0 };

export function fragmentsOf(document: DocumentNode): ReadonlyMap<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

function tokenCount(document: DocumentNode): number {
  let count = 0;
  // The lexer links every token of the source; <SOF> and <EOF> are not the client's.
  for (let token = document.loc?.startToken.next; token && token.kind !== '<EOF>'; token = token.next) {
    count += 1;
  }
  return count;
}

/**
 * The shape walker: each fragment definition is summarised once and that summary is added at every
 * spread, so the work is linear in the document's size even when fragments spread each other
 * exponentially often (`fragment F0 on Query { ...F1 ...F1 }` …). A cycle (which graphql's
 * NoFragmentCycles rule reports) contributes nothing instead of looping.
 */
function summariser(fragments: ReadonlyMap<string, FragmentDefinitionNode>) {
  const summaries = new Map<string, Summary | 'in progress'>();

  function fragmentSummary(name: string): Summary {
    const known = summaries.get(name);
    if (known === 'in progress') return EMPTY;
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return EMPTY;
    summaries.set(name, 'in progress');
    const inner = selectionSummary(fragment.selectionSet);
    const summary = { ...inner, directives: inner.directives + (fragment.directives?.length ?? 0) };
    summaries.set(name, summary);
    return summary;
  }

  function selectionSummary(selectionSet: SelectionSetNode): Summary {
    let depth = 0;
    let aliases = 0;
    let directives = 0;
    for (const selection of selectionSet.selections) {
      directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        // Introspection is answered from the schema by the gateway, and GraphiQL's own query is deep.
        if (selection.name.value.startsWith('__')) continue;
        if (selection.alias) aliases += 1;
        const below = selection.selectionSet ? selectionSummary(selection.selectionSet) : EMPTY;
        depth = Math.max(depth, below.depth + 1);
        aliases += below.aliases;
        directives += below.directives;
        continue;
      }
      const inner =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selectionSummary(selection.selectionSet)
          : fragmentSummary(selection.name.value);
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      directives += inner.directives;
    }
    return { depth, aliases, directives };
  }

  return selectionSummary;
}

/** graphql-js's CollectFields for the root level: each fragment name is collected once. */
function collectRootFields(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  visited: Set<string>,
  into: FieldNode[],
): FieldNode[] {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      collectRootFields(selection.selectionSet, fragments, visited, into);
    else if (!visited.has(selection.name.value)) {
      visited.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) collectRootFields(fragment.selectionSet, fragments, visited, into);
    }
  }
  return into;
}

// Apollo keeps parsed documents in its document store, so a repeated operation is not walked again.
const analysed = new WeakMap<OperationDefinitionNode, OperationShape>();

/** The one analysis every consumer reads: limits, rate-limit policy, attempt charging, live operations. */
export function analyseOperation(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const cached = analysed.get(operation);
  if (cached) return cached;
  const fragments = fragmentsOf(document);
  const summary = summariser(fragments)(operation.selectionSet);
  const shape: OperationShape = {
    depth: summary.depth,
    aliases: summary.aliases,
    directives: summary.directives + (operation.directives?.length ?? 0),
    tokens: tokenCount(document),
    rootFields: collectRootFields(operation.selectionSet, fragments, new Set(), []),
  };
  analysed.set(operation, shape);
  return shape;
}
