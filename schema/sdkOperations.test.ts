import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  Kind,
  parse,
  print,
  validate,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { gatewayLimitVariables } from '../gateway/limits/limitsConfig';
import { operationCost } from '../gateway/limits/queryCost';
import { analyseOperation } from '../platform/operationAnalysis';
import * as sdk from '../clients/sdk/src/generated/graphql';
import { apiSchema, coveredRootFields, publicRootFields } from './sdkOperations';

// The SDK covers the whole public API: a root field without an operation fails here, and every
// operation (hand-written or generated) is valid and within the gateway's default limits.
const schema = apiSchema();
const limits = {
  depth: gatewayLimitVariables.MAX_QUERY_DEPTH.parse(undefined),
  aliases: gatewayLimitVariables.MAX_QUERY_ALIASES.parse(undefined),
  tokens: gatewayLimitVariables.MAX_QUERY_TOKENS.parse(undefined),
  cost: gatewayLimitVariables.MAX_QUERY_COST.parse(undefined),
  defaultListSize: gatewayLimitVariables.DEFAULT_LIST_SIZE.parse(undefined),
};

/** The operation and the fragments it spreads, transitively. */
function withUsedFragments(
  operation: OperationDefinitionNode,
  fragments: FragmentDefinitionNode[],
): DefinitionNode[] {
  const used: DefinitionNode[] = [operation];
  let text = print(operation);
  for (let added = true; added;) {
    added = false;
    for (const fragment of fragments) {
      if (!used.includes(fragment) && text.includes(`...${fragment.name.value}`)) {
        used.push(fragment);
        text += print(fragment);
        added = true;
      }
    }
  }
  return used;
}

function operationFiles(): string[] {
  const dir = path.join(__dirname, 'operations');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => path.join(dir, file));
}

describe('the SDK operations', () => {
  it('cover every root field of the public API', () => {
    const covered = coveredRootFields({ includeGenerated: true });
    const roots = publicRootFields(schema);
    expect(roots.length).toBeGreaterThan(100);
    expect(roots.filter((key) => !covered.has(key))).toEqual([]);
  });

  it('are each exported by the SDK as a typed document', () => {
    const names = operationFiles().flatMap((file) =>
      parse(readFileSync(file, 'utf8'))
        .definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
        .map((definition) => (definition as OperationDefinitionNode).name!.value),
    );
    const exported = new Set(Object.keys(sdk));
    expect(names.filter((name) => !exported.has(`${name}Document`))).toEqual([]);
  });

  it.each(operationFiles().map((file) => [path.relative(__dirname, file), file]))(
    '%s: valid, and within the default depth, alias, token and cost limits',
    (_name, file) => {
      const { definitions } = parse(readFileSync(file, 'utf8'));
      const fragments = definitions.filter(
        (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
      );
      for (const definition of definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        // Each operation as the SDK sends it: with the file's fragments (codegen keeps only those it uses).
        const document = {
          kind: Kind.DOCUMENT,
          definitions: withUsedFragments(definition, fragments),
        } as const;
        expect({
          name: definition.name?.value,
          errors: validate(schema, document).map((e) => e.message),
        }).toEqual({
          name: definition.name?.value,
          errors: [],
        });
        const shape = analyseOperation(document, definition);
        const cost = operationCost(
          schema,
          document,
          definition,
          {},
          { defaultListSize: limits.defaultListSize },
        );
        const within =
          shape.depth <= limits.depth &&
          shape.aliases <= limits.aliases &&
          shape.tokens <= limits.tokens &&
          cost <= limits.cost;
        expect({
          name: definition.name?.value,
          depth: shape.depth,
          tokens: shape.tokens,
          cost,
          within,
        }).toEqual({
          name: definition.name?.value,
          depth: shape.depth,
          tokens: shape.tokens,
          cost,
          within: true,
        });
      }
    },
  );
});
