import {
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** Root fields of learning's public catalog: what `learning.course.changed` announces changes of. */
const CATALOG_ROOT_FIELDS = new Set(['courses', 'course', 'courseBySlug']);
const CATALOG_GRAPH = 'LEARNING';

type Ownership = Map<string, Set<string>>;

function graphsOf(
  directives: readonly { name: { value: string }; arguments?: readonly unknown[] }[],
  name: string,
) {
  const graphs = new Set<string>();
  for (const directive of directives) {
    if (directive.name.value !== name) continue;
    for (const argument of (directive.arguments ?? []) as {
      name: { value: string };
      value: { kind: string; value?: string };
    }[]) {
      if (argument.name.value === 'graph' && argument.value.kind === Kind.ENUM)
        graphs.add(argument.value.value!);
    }
  }
  return graphs;
}

/** Which subgraphs can resolve each `Type.field`, read from the supergraph's join directives. */
export function fieldOwnership(supergraphSdl: string): Ownership {
  const ownership: Ownership = new Map();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const typeGraphs = graphsOf(definition.directives ?? [], 'join__type');
    for (const field of definition.fields ?? []) {
      const fieldGraphs = graphsOf(field.directives ?? [], 'join__field');
      ownership.set(
        `${definition.name.value}.${field.name.value}`,
        fieldGraphs.size ? fieldGraphs : typeGraphs,
      );
    }
  }
  return ownership;
}

/**
 * A read of learning's public catalog and nothing else: a query whose root fields are catalog fields
 * and whose every field learning itself resolves (a User's name comes from identity, so a course's
 * `instructor { name }` is not, since no learning event tells when it changes).
 */
export function isPublicCatalogRead(
  ownership: Ownership,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  if (operation.operation !== 'query') return false;
  const roots = operation.selectionSet.selections;
  if (
    !roots.every(
      (selection) => selection.kind === Kind.FIELD && CATALOG_ROOT_FIELDS.has(selection.name.value),
    )
  ) {
    return false;
  }
  let catalogOnly = true;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Directive() {
        // @defer, @skip(if: $var)...: nothing clever, just not cached.
        catalogOnly = false;
      },
      Field(node) {
        if (node.name.value === '__typename') return;
        const parent = typeInfo.getParentType();
        const graphs = parent ? ownership.get(`${parent.name}.${node.name.value}`) : undefined;
        if (!graphs?.has(CATALOG_GRAPH)) catalogOnly = false;
      },
    }),
  );
  return catalogOnly;
}
