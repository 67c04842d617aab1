import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  Kind,
  TypeInfo,
  isInputObjectType,
  isListType,
  isNonNullType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { BadUserInputError } from './errors';
import { LINE_MAX_LENGTH, decimalInputs, decimalPattern, freeTextInputs } from './inputRules';
import { DateTimeScalar } from './scalars';

// C0 controls (NUL included), DEL and C1 controls: Postgres refuses NUL in text (a 500 before this
// check) and the rest only ever arrive from attackers or broken clients. Prose may keep tab and newlines.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const lineControls = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as above
const textControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

interface Position {
  coordinate: string;
  path: string;
}

/** Why a string at this coordinate is refused, or undefined when it is fine. */
function stringProblem(typeName: string, value: string, at: Position): string | undefined {
  if (typeName === 'DateTime') {
    try {
      DateTimeScalar.parseValue(value);
      return undefined;
    } catch {
      return 'must be an ISO-8601 date and time with a time zone, e.g. 2026-11-22T09:15:00Z';
    }
  }
  if (typeName !== 'String' && typeName !== 'ID') return undefined;
  const textLimit = freeTextInputs[at.coordinate];
  const limit = textLimit ?? LINE_MAX_LENGTH;
  if (value.length > limit) return `must be at most ${limit} characters`;
  if ((textLimit === undefined ? lineControls : textControls).test(value)) {
    return textLimit === undefined
      ? 'must not contain control characters'
      : 'must not contain control characters other than tab and newline';
  }
  if (decimalInputs.has(at.coordinate) && !decimalPattern.test(value)) {
    return 'must be a decimal string, e.g. 101.25';
  }
  return undefined;
}

function refuse(at: Position, problem: string): never {
  // `field` is relative to the `input` argument, as the services' parseInput names it.
  const field = at.path.startsWith('input.') ? at.path.slice('input.'.length) : at.path;
  // 400 like Apollo's own variable coercion errors: the request is refused before anything runs.
  throw new BadUserInputError(`${at.path} ${problem}`, field, { http: { status: 400 } });
}

/** A variable's JSON value, checked against the type where the variable is used. */
function checkJson(value: unknown, type: GraphQLInputType, at: Position): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkJson(value, type.ofType, at);
  if (isListType(type)) {
    if (!Array.isArray(value)) return checkJson(value, type.ofType, at);
    value.forEach((item, index) => checkJson(item, type.ofType, { ...at, path: `${at.path}[${index}]` }));
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return;
    const fields = type.getFields();
    for (const [name, fieldValue] of Object.entries(value)) {
      const field = fields[name];
      if (field)
        checkJson(fieldValue, field.type, { coordinate: `${type.name}.${name}`, path: `${at.path}.${name}` });
    }
    return;
  }
  if (typeof value === 'string') {
    const problem = stringProblem(type.name, value, at);
    if (problem) refuse(at, problem);
  } else if (type.name === 'DateTime') {
    refuse(at, 'must be an ISO-8601 date and time string');
  }
}

interface Variables {
  values: Record<string, unknown>;
  defaults: ReadonlyMap<string, ValueNode>;
}

/** A literal in the document (variables resolved from the request), checked against its input type. */
function checkLiteral(node: ValueNode, type: GraphQLInputType, at: Position, variables: Variables): void {
  if (node.kind === Kind.VARIABLE) {
    const name = node.name.value;
    if (name in variables.values) return checkJson(variables.values[name], type, at);
    // An omitted variable takes its default, a literal of the operation's own.
    const fallback = variables.defaults.get(name);
    return fallback ? checkLiteral(fallback, type, at, { ...variables, defaults: new Map() }) : undefined;
  }
  if (node.kind === Kind.NULL) return;
  if (isNonNullType(type)) return checkLiteral(node, type.ofType, at, variables);
  if (isListType(type)) {
    if (node.kind !== Kind.LIST) return checkLiteral(node, type.ofType, at, variables);
    node.values.forEach((item, index) =>
      checkLiteral(item, type.ofType, { ...at, path: `${at.path}[${index}]` }, variables),
    );
    return;
  }
  if (isInputObjectType(type)) {
    if (node.kind !== Kind.OBJECT) return;
    const fields = type.getFields();
    for (const fieldNode of node.fields) {
      const name = fieldNode.name.value;
      const field = fields[name];
      const position = { coordinate: `${type.name}.${name}`, path: `${at.path}.${name}` };
      if (field) checkLiteral(fieldNode.value, field.type, position, variables);
    }
    return;
  }
  if (node.kind === Kind.STRING) {
    const problem = stringProblem(type.name, node.value, at);
    if (problem) refuse(at, problem);
  } else if (type.name === 'DateTime') {
    refuse(at, 'must be an ISO-8601 date and time string');
  }
}

/**
 * Throws BAD_USER_INPUT naming the first argument or input field whose String, ID, decimal or
 * DateTime value is refused. Visits the operation and each fragment definition once, so the cost is
 * linear in the document (a fragment spread twice is not walked twice).
 */
export function checkOperationInputs(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): void {
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const values: Variables = { values: variables, defaults };
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const argument = typeInfo.getArgument();
      const directive = typeInfo.getDirective();
      const parent = typeInfo.getParentType();
      const field = typeInfo.getFieldDef();
      if (!argument) return false;
      const owner = directive ? `@${directive.name}` : `${parent?.name ?? ''}.${field?.name ?? ''}`;
      const coordinate = `${owner}(${argument.name}:)`;
      checkLiteral(node.value, argument.type, { coordinate, path: argument.name }, values);
      return false;
    },
  });
  for (const definition of document.definitions) {
    if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
}

/** Input hygiene at the edge (gateway) and again in every subgraph, before any resolver runs. */
export function inputHygiene<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation) checkOperationInputs(schema, document, operation, request.variables ?? {});
        },
      };
    },
  };
}
