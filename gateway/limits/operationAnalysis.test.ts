import fc from 'fast-check';
import { buildSchema, getOperationAST, parse, specifiedRules, validate } from 'graphql';
import { analyseOperation } from '../../platform/operationAnalysis';
import { operationShapeRule } from './operationShape';
import { operationCost } from './queryCost';

const schema = buildSchema(`
  type Query { a: String q: Query list(first: Int): [Query!]! page(first: Int): Page! }
  type Page { items: [Query!]! }
`);

/** `fragment F0 on Query { ...F1 ...F1 }` … : the document doubles its work at each level. */
function fragmentBomb(levels: number, leaf = 'a'): string {
  const fragments = Array.from(
    { length: levels },
    (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  return `query Bomb { ...F0 } ${fragments.join(' ')} fragment F${levels} on Query { ${leaf} }`;
}

function measure(query: string) {
  const document = parse(query);
  const operation = getOperationAST(document)!;
  const shape = analyseOperation(document, operation);
  const cost = operationCost(schema, document, operation, {}, { defaultListSize: 3 });
  return { depth: shape.depth, aliases: shape.aliases, directives: shape.directives, cost };
}

describe('operation analysis of fragment bombs', () => {
  const shapeRule = operationShapeRule({ maxDepth: 8, maxAliases: 30, maxDirectives: 50 });

  beforeAll(() => {
    // The first run of any code pays for the JIT; the timings below are of the analysis alone.
    measure(fragmentBomb(2, 'q { x: a }'));
    validate(schema, parse(fragmentBomb(2, 'x: a')), [...specifiedRules, shapeRule]);
  });

  it('measures 30 levels of doubling fragments in linear time, counting every spread', () => {
    const started = performance.now();
    const shape = measure(fragmentBomb(30, 'q { x: a }'));
    const elapsed = performance.now() - started;
    // 2^30 spreads of the last fragment, each one aliased field under a `q` object.
    expect(shape).toEqual({ depth: 2, aliases: 2 ** 30, directives: 0, cost: 2 ** 30 });
    expect(elapsed).toBeLessThan(50);
  });

  it('refuses the bomb in validation: the limit rule within 50 ms, with all of graphql’s rules soon after', () => {
    const document = parse(fragmentBomb(30, 'x: a'));
    let started = performance.now();
    const refused = validate(schema, document, [shapeRule]);
    expect(performance.now() - started).toBeLessThan(50);
    expect(refused.map((error) => error.extensions.limit)).toEqual(['aliases']);
    started = performance.now();
    const errors = validate(schema, parse(fragmentBomb(30, 'x: a')), [...specifiedRules, shapeRule]);
    // graphql's own rules (OverlappingFieldsCanBeMerged among them) are linear on it too.
    expect(performance.now() - started).toBeLessThan(250);
    expect(errors.map((error) => error.extensions.limit)).toEqual(['aliases']);
  });
});

// Random documents whose fragments spread later fragments (no cycles), compared with the same
// document with every spread written out inline: fragments must change nothing but the text's size.
type Selection =
  | { kind: 'a'; alias: boolean; directive: boolean }
  | {
      kind: 'q' | 'list' | 'page';
      alias: boolean;
      directive: boolean;
      first: number | null;
      children: Selection[];
    }
  | { kind: 'spread'; target: number; directive: boolean }
  | { kind: 'inline'; directive: boolean; children: Selection[] };

const { selections } = fc.letrec<{ selection: Selection; selections: Selection[] }>((tie) => ({
  selection: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'selection' },
    fc.record({ kind: fc.constant('a' as const), alias: fc.boolean(), directive: fc.boolean() }),
    fc.record({
      kind: fc.constantFrom('q' as const, 'list' as const, 'page' as const),
      alias: fc.boolean(),
      directive: fc.boolean(),
      first: fc.option(fc.integer({ min: 0, max: 4 })),
      children: tie('selections'),
    }),
    fc.record({ kind: fc.constant('spread' as const), target: fc.nat(), directive: fc.boolean() }),
    fc.record({ kind: fc.constant('inline' as const), directive: fc.boolean(), children: tie('selections') }),
  ),
  selections: fc.array(tie('selection'), { minLength: 1, maxLength: 3 }),
}));

function render(
  list: Selection[],
  fragment: number,
  count: number,
  spread: (target: number, directive: string) => string,
): string {
  let alias = 0;
  const directiveOf = (on: boolean) => (on ? ' @include(if: true)' : '');
  const one = (selection: Selection): string => {
    const directive = directiveOf(selection.directive);
    switch (selection.kind) {
      case 'a':
        return `${selection.alias ? `x${alias++}: ` : ''}a${directive}`;
      case 'inline':
        return `... on Query${directive} { ${selection.children.map(one).join(' ')} }`;
      case 'spread': {
        const later = count - fragment - 1;
        if (later <= 0) return `a${directive}`;
        return spread(fragment + 1 + (selection.target % later), directive);
      }
      default: {
        const name = `${selection.alias ? `x${alias++}: ` : ''}${selection.kind}`;
        const args = selection.kind !== 'q' && selection.first !== null ? `(first: ${selection.first})` : '';
        const body = selection.children.map(one).join(' ');
        return `${name}${args}${directive} { ${selection.kind === 'page' ? `items { ${body} }` : body} }`;
      }
    }
  };
  return list.map(one).join(' ');
}

describe('operation analysis with fragments equals the inline-expanded document', () => {
  it('gives the same depth, aliases, directives and cost', () => {
    fc.assert(
      fc.property(fc.array(selections, { minLength: 2, maxLength: 5 }), (bodies) => {
        // Body 0 is the operation; body i > 0 is fragment F<i>, which spreads only F<j> for j > i.
        const count = bodies.length;
        const withFragments = [
          `query Q { ${render(bodies[0]!, 0, count, (target, d) => `...F${target}${d}`)} }`,
          ...bodies
            .slice(1)
            .map(
              (body, i) =>
                `fragment F${i + 1} on Query { ${render(body, i + 1, count, (target, d) => `...F${target}${d}`)} }`,
            ),
        ].join('\n');
        const inline = (index: number): string =>
          render(bodies[index]!, index, count, (target, d) => `... on Query${d} { ${inline(target)} }`);
        const expanded = `query Q { ${inline(0)} }`;
        expect(measure(withFragments)).toEqual(measure(expanded));
      }),
      { numRuns: 300 },
    );
  });
});
