import { buildSchema, getOperationAST, parse, specifiedRules, validate } from 'graphql';
import { operationShapeRule } from './operationShape';
import { operationCost } from './queryCost';

const schema = buildSchema(`
  type Query { courses(first: Int = 20): CourseConnection! tags: [String!]! course: Course }
  type CourseConnection { edges: [CourseEdge!]! }
  type CourseEdge { node: Course! }
  type Course { id: ID! title: String! modules: [Module!]! related(limit: Int): [Course!]! }
  type Module { id: ID! lessons: [Lesson!]! }
  type Lesson { id: ID! }
`);

const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return operationCost(schema, document, getOperationAST(document)!, variables, { defaultListSize: 10 });
};

describe('operation cost estimate', () => {
  it('sizes a connection by first (its default when absent), lists by their own argument or the default', () => {
    // courses 1 + 5 edges × (edge 1 + node 1)
    expect(cost('{ courses(first: 5) { edges { node { id } } } }')).toBe(11);
    expect(cost('{ courses { edges { node { id } } } }')).toBe(41);
    expect(cost('query($n: Int) { courses(first: $n) { edges { node { id } } } }', { n: 2 })).toBe(5);
    // course 1 + related 3 × (1 + modules 10 × 1)
    expect(cost('{ course { related(limit: 3) { modules { id } } } }')).toBe(34);
  });

  it('counts fragments once per spread, scalars and introspection not at all, and never less than 1', () => {
    expect(cost('{ course { ...C ...C } } fragment C on Course { modules { id } }')).toBe(21);
    expect(cost('{ tags __schema { types { name } } }')).toBe(1);
  });
});

describe('operation shape rule', () => {
  const errors = (query: string) =>
    validate(schema, parse(query), [
      ...specifiedRules,
      operationShapeRule({ maxDepth: 3, maxAliases: 2, maxDirectives: 1 }),
    ]).map((error) => error.extensions.limit);

  it('refuses depth, aliases and directives past the limits, fragments expanded', () => {
    expect(errors('{ course { related { id } } }')).toEqual([]);
    expect(errors('{ course { related { related { id } } } }')).toEqual(['depth']);
    expect(errors('{ course { ...R } } fragment R on Course { related { related { id } } }')).toEqual([
      'depth',
    ]);
    expect(errors('{ a: tags b: tags c: tags }')).toEqual(['aliases']);
    expect(errors('{ tags @skip(if: false) course @include(if: true) { id } }')).toEqual(['directives']);
  });

  it('leaves introspection depth alone (GraphiQL asks for it in development)', () => {
    expect(errors('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')).toEqual([]);
  });
});
