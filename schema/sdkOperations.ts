import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isUnionType,
  Kind,
  parse,
  print,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { Domains, type Domain } from '../platform/events/envelope';
import { subgraphDefaults, subgraphSdl } from '../platform/topology';

// Every public root field of the supergraph has an SDK operation. The hand-written ones in
// schema/operations/*.graphql pick their selections for a screen; for every root field none of them
// covers, this writes one to schema/operations/generated/<domain>.graphql: the field's arguments as
// variables and its scalar fields two levels deep (connections: pageInfo and edges.node), small enough
// for the gateway's default limits (schema/sdkOperations.test.ts checks them). `npm run codegen` turns
// all of them into the SDK's typed documents and the trusted-documents manifest.
const operationsDir = path.join(__dirname, 'operations');
const generatedDir = path.join(operationsDir, 'generated');

type RootKind = 'query' | 'mutation' | 'subscription';
const rootKinds: RootKind[] = ['query', 'mutation', 'subscription'];

export function apiSchema(): GraphQLSchema {
  const result = composeServices(
    Domains.map((name) => ({
      name,
      typeDefs: parse(subgraphSdl(name)),
      url: `http://localhost:${subgraphDefaults[name].port}/graphql`,
    })),
  );
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.schema.toAPISchema().toGraphQLJSSchema();
}

/** Which subgraph declares each root field (`query.me` → identity): the SDK groups operations by it. */
function rootFieldOwners(): Map<string, Domain> {
  const owners = new Map<string, Domain>();
  for (const domain of Domains) {
    for (const definition of parse(subgraphSdl(domain)).definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION)
        continue;
      const kind = definition.name.value.toLowerCase();
      if (!rootKinds.includes(kind as RootKind)) continue;
      for (const field of definition.fields ?? []) {
        const key = `${kind}.${field.name.value}`;
        if (!owners.has(key)) owners.set(key, domain);
      }
    }
  }
  return owners;
}

/** `query.me`-style keys of the root fields the hand-written operations select. */
export function coveredRootFields(options: { includeGenerated: boolean }): Set<string> {
  const covered = new Set<string>();
  const directory = operationsDir;
  const files = readdirSync(directory, { recursive: options.includeGenerated, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.graphql'),
  );
  for (const file of files) {
    for (const definition of parse(readFileSync(path.join(directory, file), 'utf8')).definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      for (const selection of definition.selectionSet.selections) {
        if (selection.kind === Kind.FIELD) covered.add(`${definition.operation}.${selection.name.value}`);
      }
    }
  }
  return covered;
}

export function publicRootFields(schema: GraphQLSchema): string[] {
  const types = {
    query: schema.getQueryType(),
    mutation: schema.getMutationType(),
    subscription: schema.getSubscriptionType(),
  };
  return rootKinds.flatMap((kind) =>
    Object.keys(types[kind]?.getFields() ?? {}).map((name) => `${kind}.${name}`),
  );
}

const needsArguments = (field: GraphQLField<unknown, unknown>) =>
  field.args.some((arg) => arg.type.toString().endsWith('!') && arg.defaultValue === undefined);

/** Scalars of a type, then (while depth allows) its object fields' scalars; connections as edges.node. */
function selectionOf(type: ReturnType<typeof getNamedType>, depth: number): string {
  if (!isCompositeType(type)) return '';
  if (isUnionType(type)) return '{ __typename }';
  const fields = Object.values((type as GraphQLObjectType).getFields());
  const parts: string[] = [];
  for (const field of fields) {
    if (needsArguments(field)) continue;
    const named = getNamedType(field.type);
    if (!isCompositeType(named)) {
      parts.push(field.name);
      continue;
    }
    if (depth <= 1) continue;
    const isConnection = field.name === 'edges' || named.name.endsWith('Connection');
    const inner = selectionOf(named, isConnection ? depth : depth - 1);
    if (inner && inner !== '{  }') parts.push(`${field.name} ${inner}`);
  }
  if (isInterfaceType(type)) parts.push('__typename');
  return parts.length ? `{ ${parts.join(' ')} }` : '{ __typename }';
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

function operationFor(
  schema: GraphQLSchema,
  kind: RootKind,
  fieldName: string,
  usedNames: Set<string>,
): string {
  const root = {
    query: schema.getQueryType(),
    mutation: schema.getMutationType(),
    subscription: schema.getSubscriptionType(),
  }[kind]!;
  const field = root.getFields()[fieldName]!;
  let name = pascal(fieldName);
  if (usedNames.has(name)) name = `${name}${pascal(kind)}`;
  usedNames.add(name);
  const variables = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = selectionOf(getNamedType(field.type), 2);
  const text = `${kind} ${name}${variables ? `(${variables})` : ''} { ${fieldName}${args ? `(${args})` : ''} ${selection} }`;
  return print(parse(text));
}

function operationNames(directory: string): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(directory).filter((entry) => entry.endsWith('.graphql'))) {
    for (const definition of parse(readFileSync(path.join(directory, file), 'utf8')).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
    }
  }
  return names;
}

/** The generated files' contents, by domain (empty domains omitted). */
export function generateOperations(): Map<Domain, string> {
  const schema = apiSchema();
  const owners = rootFieldOwners();
  // Hand-written files only: the generated folder is rewritten from scratch.
  const handWritten = coveredRootFields({ includeGenerated: false });
  const usedNames = operationNames(operationsDir);
  const byDomain = new Map<Domain, string[]>();
  for (const key of publicRootFields(schema)) {
    if (handWritten.has(key)) continue;
    const [kind, fieldName] = key.split('.') as [RootKind, string];
    const domain = owners.get(key);
    if (!domain) throw new Error(`no subgraph declares ${key}`);
    const list = byDomain.get(domain) ?? [];
    list.push(operationFor(schema, kind, fieldName, usedNames));
    byDomain.set(domain, list);
  }
  return new Map(
    [...byDomain].map(([domain, operations]) => [
      domain,
      `# Generated by schema/sdkOperations.ts (npm run sdk:operations): one operation per root field of the\n` +
        `# ${domain} subgraph that no hand-written operation in schema/operations/ covers. Do not edit.\n\n` +
        `${operations.join('\n\n')}\n`,
    ]),
  );
}

if (require.main === module) {
  rmSync(generatedDir, { recursive: true, force: true });
  mkdirSync(generatedDir, { recursive: true });
  const files = generateOperations();
  for (const [domain, text] of files) writeFileSync(path.join(generatedDir, `${domain}.graphql`), text);
  process.stdout.write(`wrote ${files.size} files to ${path.relative(process.cwd(), generatedDir)}\n`);
}
