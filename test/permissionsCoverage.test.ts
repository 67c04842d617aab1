import { Kind, parse, type ConstDirectiveNode, type ObjectTypeDefinitionNode } from 'graphql';
import type { SubgraphPermissions } from '../platform/permissions';
import { composeSupergraph } from '../schema/composeSupergraph';
import { billingPermissions } from '../subgraphs/billing/permissions';
import { identityPermissions } from '../subgraphs/identity/permissions';
import { learningPermissions } from '../subgraphs/learning/permissions';
import { signalsPermissions } from '../subgraphs/signals/permissions';
import { tradingPermissions } from '../subgraphs/trading/permissions';

/**
 * Issue 4: every root field of the composed API has an explicit rule in the permissions map of the
 * subgraph that resolves it. A type-wide rule or a `'*'` default does not count: a new field must be
 * looked at by someone, not inherit a decision made for others.
 */
const permissionsBySubgraph: Record<string, SubgraphPermissions> = {
  billing: billingPermissions,
  identity: identityPermissions,
  learning: learningPermissions,
  signals: signalsPermissions,
  trading: tradingPermissions,
};

function graphsOf(directives: readonly ConstDirectiveNode[] | undefined, name: string): string[] {
  return (directives ?? [])
    .filter((directive) => directive.name.value === name)
    .flatMap((directive) => directive.arguments ?? [])
    .filter((argument) => argument.name.value === 'graph' && argument.value.kind === Kind.ENUM)
    .map((argument) => (argument.value.kind === Kind.ENUM ? argument.value.value.toLowerCase() : ''));
}

/** [root type, field, owning subgraph] for every root field of the supergraph. */
function rootFields(): [string, string, string][] {
  const document = parse(composeSupergraph());
  const roots = document.definitions.filter(
    (definition): definition is ObjectTypeDefinitionNode =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION &&
      ['Query', 'Mutation', 'Subscription'].includes(definition.name.value),
  );
  return roots.flatMap((root) => {
    const typeGraphs = graphsOf(root.directives, 'join__type');
    return (root.fields ?? []).map((field): [string, string, string] => {
      // A field without @join__field belongs to the type's only subgraph.
      const owners = graphsOf(field.directives, 'join__field');
      const owner = owners[0] ?? (typeGraphs.length === 1 ? typeGraphs[0]! : 'unknown');
      return [root.name.value, field.name.value, owner];
    });
  });
}

const fields = rootFields();

it('finds the root fields of all five subgraphs', () => {
  const owners = new Set(fields.map(([, , owner]) => owner));
  expect([...owners].sort()).toEqual(Object.keys(permissionsBySubgraph).sort());
  expect(fields.length).toBeGreaterThan(50);
});

it.each(fields)('%s.%s has an explicit rule in %s/permissions.ts', (type, field, owner) => {
  const typeRules = permissionsBySubgraph[owner]?.[type];
  const explicit =
    typeof typeRules === 'object' && !('resolve' in typeRules) && field !== '*'
      ? Object.prototype.hasOwnProperty.call(typeRules, field)
      : false;
  expect({ field: `${type}.${field}`, owner, explicit }).toEqual({
    field: `${type}.${field}`,
    owner,
    explicit: true,
  });
});
